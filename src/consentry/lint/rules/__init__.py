"""The rule catalogue: importing this package declares every rule."""

from consentry.lint.rules import (  # noqa: F401
    brand,
    content,
    cta,
    description,
    flags,
    keywords,
    replies,
    samples,
    template,
    use_case,
    website_forms,
    website_pages,
    website_policies,
)
