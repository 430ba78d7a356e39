"""Draft a campaign from plain answers: the advisor, the texts, and every file that goes with them.

    answers = load_answers("answers.yaml")
    advice = advise(answers)
    if advice.stop is None:
        write_draft(make_draft(answers, advice), "out")

The library never prompts; `consentry draft` asks the questions in `QUESTIONS` in a terminal.
"""

from consentry.draft.advise import Advice, advise, sms_spelling
from consentry.draft.answers import Answers, OptIn, answers_from_mapping
from consentry.draft.answers_file import load_answers, parse_answers
from consentry.draft.build import Draft, make_draft, write_draft
from consentry.draft.example import example_answers
from consentry.draft.questions import QUESTIONS, Question
from consentry.draft.replies import Reply

__all__ = [
    "QUESTIONS",
    "Advice",
    "Answers",
    "Draft",
    "OptIn",
    "Question",
    "Reply",
    "advise",
    "answers_from_mapping",
    "example_answers",
    "load_answers",
    "make_draft",
    "parse_answers",
    "sms_spelling",
    "write_draft",
]
