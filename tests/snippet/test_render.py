"""render_snippet and `consentry snippet`: the tag, its escaping, input checks, the script's size."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from consentry.cli.app import app
from consentry.errors import InputError
from consentry.snippet import check_endpoint, render_snippet, snippet_js
from tests.snippet.conftest import Service

KEY = "csp_Ab3-x_9"


class _Tags(HTMLParser):
    """Each start tag's attributes and each script's text, as a browser's parser reads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.data: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.data.append(data)


def parse(markup: str) -> _Tags:
    parser = _Tags()
    parser.feed(markup)
    parser.close()
    return parser


def test_script_is_under_five_kilobytes() -> None:
    assert len(snippet_js().encode("utf-8")) < 5000


def test_script_is_plain_es2017() -> None:
    source = snippet_js()
    # No optional chaining, nullish coalescing, modules or classes' private fields.
    for token in ("?.", "??", "import ", "export ", "#priv"):
        assert token not in source, token
    assert not re.search(r"</script|<!--", source, re.I)


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node for a syntax check")
def test_script_parses(tmp_path: Path) -> None:
    path = tmp_path / "snippet.js"
    path.write_text(snippet_js(), encoding="utf-8")
    result = subprocess.run(
        ["node", "--check", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_inline_tag_carries_key_endpoint_and_the_whole_script() -> None:
    markup = render_snippet(KEY, "https://consent.example.com/")
    parsed = parse(markup)
    assert parsed.tags == [
        ("script", {"data-site-key": KEY, "data-endpoint": "https://consent.example.com"})
    ]
    assert "".join(parsed.data).strip() == snippet_js().strip()
    assert markup.endswith("</script>") and markup.count("</script>") == 1


def test_external_tag() -> None:
    markup = render_snippet(KEY, "https://consent.example.com", inline=False)
    assert markup == (
        '<script src="https://consent.example.com/v1/snippet.js" '
        f'data-site-key="{KEY}" data-endpoint="https://consent.example.com" async></script>'
    )


def test_attribute_values_are_escaped() -> None:
    endpoint = "https://consent.example.com/p&q=1;x"
    markup = render_snippet(KEY, endpoint, inline=False)
    assert "&amp;" in markup and "p&q" not in markup
    ((_, attrs),) = parse(markup).tags
    assert attrs["data-endpoint"] == endpoint
    assert attrs["src"] == endpoint + "/v1/snippet.js"


@pytest.mark.parametrize(
    "endpoint",
    [
        "http://localhost:8000",
        "http://127.0.0.1:9",
        "http://[::1]:8080/",
        "https://c.example.com/x",
    ],
)
def test_endpoints_that_work(endpoint: str) -> None:
    assert check_endpoint(endpoint) == endpoint.rstrip("/")


@pytest.mark.parametrize(
    ("endpoint", "words"),
    [
        ("http://consent.example.com", "https://"),
        ("ftp://consent.example.com", "not a web address"),
        ("consent.example.com", "not a web address"),
        ("https://", "not a web address"),
        ("https://user:secret@consent.example.com", "user name or password"),
        ("https://consent.example.com/?k=1", "without ?query"),
        ("https://consent.example.com:99999", "not a web address"),
        ('https://consent.example.com/"><script>', "quotes or angle brackets"),
        ("https://consent.example.com/a b", "spaces"),
    ],
)
def test_bad_endpoints_say_why(endpoint: str, words: str) -> None:
    with pytest.raises(InputError) as caught:
        render_snippet(KEY, endpoint)
    assert caught.value.key == "endpoint"
    assert words in caught.value.message


@pytest.mark.parametrize("key", ["", "   ", 'csp_"><script>', "csp x", "a" * 201])
def test_bad_site_keys(key: str) -> None:
    with pytest.raises(InputError) as caught:
        render_snippet(key, "https://consent.example.com")
    assert caught.value.key == "site-key"


def test_http_error_explains_why() -> None:
    with pytest.raises(InputError) as caught:
        check_endpoint("http://consent.example.com")
    assert "unencrypted" in caught.value.message and "localhost" in caught.value.message


def test_cli_prints_the_tag() -> None:
    args = ["snippet", "--site-key", KEY, "--endpoint", "https://consent.example.com"]
    inline = CliRunner().invoke(app, args)
    assert inline.exit_code == 0, inline.output
    assert inline.stdout.strip() == render_snippet(KEY, "https://consent.example.com")
    external = CliRunner().invoke(app, [*args, "--external"])
    assert external.exit_code == 0
    assert external.stdout.strip().startswith(
        '<script src="https://consent.example.com/v1/snippet.js"'
    )


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--site-key", KEY, "--endpoint", "http://consent.example.com"], "https://"),
        (["--site-key", "bad key", "--endpoint", "https://c.example.com"], "not a site key"),
    ],
)
def test_cli_bad_input_is_one_line_and_exit_2(args: list[str], words: str) -> None:
    result = CliRunner().invoke(app, ["snippet", *args])
    assert result.exit_code == 2
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and words in lines[0], result.stderr
    assert "Traceback" not in result.output


def test_service_serves_the_same_script(service: Service) -> None:
    response = httpx.get(f"{service.url}/v1/snippet.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/javascript")
    assert response.text == snippet_js()


def test_snippet_package_imports_no_framework() -> None:
    import ast

    import consentry.snippet as package

    tree = ast.parse(Path(package.__file__).read_text(encoding="utf-8"))
    names = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {
        node.module.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module
    }
    assert not names & {"fastapi", "starlette", "typer", "click", "rich", "uvicorn"}
