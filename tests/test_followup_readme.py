"""The README's walkthrough of a year shows the follow-up files as `record` and `revise`
write them: the YAML under it is the walkthrough's own files, byte for byte."""

from __future__ import annotations

import re
from pathlib import Path

from .readme_examples import README, examples, run

TEXT = README.read_text(encoding="utf-8")
SECTION = TEXT.split("\n## Following the year\n", 1)[1].split("\n## ", 1)[0]


def test_readme_followup_files_are_what_the_walkthrough_writes(tmp_path: Path) -> None:
    steps = [e for e in examples(TEXT) if e.walkthrough == "## Following the year"]
    assert len(steps) > 20
    for step in steps:
        run(step.command, tmp_path)

    month_file, revisions_file = re.findall(r"```yaml\n(.*?)```", SECTION, re.DOTALL)
    followup = tmp_path / "mydata" / "followup"
    assert (followup / "2019-09.yaml").read_text(encoding="utf-8") == month_file
    assert (followup / "revisions.yaml").read_text(encoding="utf-8") == revisions_file
