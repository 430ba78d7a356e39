"""`consentry schema`: the JSON Schema of the campaign file."""

from __future__ import annotations

import json

from consentry.cli.app import app


@app.command()
def schema() -> None:
    """Print the JSON Schema of the campaign file.

    Example:

        consentry schema > campaign.schema.json
    """
    from consentry.campaign import json_schema

    print(json.dumps(json_schema(), indent=2))
