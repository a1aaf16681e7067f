"""`kuvadigi report`: the steering group's status page, checked as HTML and in a real
browser (headless Chromium)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kuvadigi.render.report import axis_scale

from .conftest import REPO, Kuvadigi, replace_in

NBSP = "\u00a0"


def write_report(kuvadigi: Kuvadigi, path: Path, *args: str) -> str:
    result = kuvadigi("report", "--output", str(path), *args)
    assert result.exit_code == 0, result.stdout + result.stderr
    return path.read_text(encoding="utf-8")


@pytest.fixture
def english(kuvadigi: Kuvadigi, tmp_path: Path) -> Path:
    path = tmp_path / "report.html"
    write_report(kuvadigi, path, "--lang", "en")
    return path


# Elements that flow within a line of text; every other element starts a new run.
INLINE = {"a", "b", "code", "em", "span", "strong"}


class Page(HTMLParser):
    """The tags, attributes, text and inline styles of a page."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.styles: list[str] = []
        self._in_style = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"
        if tag not in INLINE:
            self.text.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        (self.styles if self._in_style else self.text).append(data)

    def all_text(self) -> str:
        """The page's text, runs of ASCII white space as one space; no-break spaces
        (babel's in Finnish amounts) are kept."""
        return re.sub(r"[ \t\r\n\f]+", " ", "".join(self.text)).strip()


# The page as HTML


def test_report__self_contained(english: Path) -> None:
    page = Page(english.read_text(encoding="utf-8"))
    names = [tag for tag, _ in page.tags]

    assert "script" not in names
    assert "link" not in names
    assert "img" not in names
    assert "iframe" not in names
    for tag, attributes in page.tags:
        for name in ("src", "href", "xlink:href", "srcset", "action"):
            value = attributes.get(name)
            assert value is None or value.startswith("#"), (tag, name, value)
    css = "".join(page.styles)
    assert "url(" not in css
    assert "@import" not in css
    assert "@font-face" not in css


def test_report__accessible_basics(english: Path) -> None:
    page = Page(english.read_text(encoding="utf-8"))
    tags = dict(page.tags[:1])
    assert tags["html"] == {"lang": "en"}

    headers = [attributes for tag, attributes in page.tags if tag == "th"]
    assert headers
    assert all(attributes.get("scope") in ("col", "row") for attributes in headers)

    (chart,) = [attributes for tag, attributes in page.tags if tag == "svg"]
    assert chart["role"] == "img"
    assert chart["aria-labelledby"] == "chart-title chart-description"
    ids = {attributes.get("id") for _, attributes in page.tags}
    assert {"chart-title", "chart-description"} <= ids
    # The chart's text alternative names every year's total: the document's
    # "Lisärahoitustarve yhteensä" row.
    text = page.all_text()
    assert (
        "The years' totals: 2019: €2,550,000; 2020: €4,350,000; 2021: €4,350,000; "
        "2022: €3,850,000." in text
    )


def test_report__print_and_phone_styles(english: Path) -> None:
    css = "".join(Page(english.read_text(encoding="utf-8")).styles)
    assert "@media print" in css
    assert "@media (max-width:" in css
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in (
        english.read_text(encoding="utf-8")
    )


def test_report__key_figures_in_english(english: Path) -> None:
    text = Page(english.read_text(encoding="utf-8")).all_text()
    # The document's totals: budget 2 780 000, remaining 1 364 090, actual 68 098 and
    # committed 1 347 812 (together 1 415 910; 1 415 910 / 2 780 000 = 50.93... %, shown
    # to one decimal as tables for people are), the
    # estimate's 15 100 000.
    for figure in (
        "€2,780,000",
        "€1,364,090",
        "€68,098",
        "€1,347,812",
        "€1,415,910",
        "50.9%",
        "€15,100,000",
    ):
        assert figure in text, figure
    # The funding sources' shares of 2 780 000, rounded together to add up to 100.0:
    # 1 250 000 -> 44.96... %, 810 000 -> 29.13... %, 720 000 -> 25.89... %.
    assert "Digital investment appropriation €1,250,000 45.0%" in text
    assert "ICT frame €810,000 29.1%" in text
    assert "External funding €720,000 25.9%" in text
    assert "Actual and committed as of January 2019" in text
    assert "Every published figure reconciles with the line items." in text


def test_report__finnish(kuvadigi: Kuvadigi, tmp_path: Path) -> None:
    html = write_report(kuvadigi, tmp_path / "raportti.html", "--lang", "fi")
    page = Page(html)
    assert dict(page.tags[:1])["html"] == {"lang": "fi"}
    text = page.all_text()
    assert f"2{NBSP}780{NBSP}000{NBSP}€" in text
    assert f"1{NBSP}364{NBSP}090{NBSP}€" in text
    assert f"50,9{NBSP}%" in text
    assert "Tilannekuukausi: tammikuu 2019" in text
    assert "Toimenpidekokonaisuudet" in text
    # The published shares' rounding note of `check`, in Finnish.
    assert "julkaistut jakaumat ovat yhteensä 102" in text


def test_report__programme_areas_and_projects(english: Path) -> None:
    text = Page(english.read_text(encoding="utf-8")).all_text()
    assert "1. Meaningful things to do, made easy" in text
    assert "7.7 Create ways of putting development ideas to use" in text
    # One description covers two budget lines: 250 000 + 100 000 = 350 000 in all.
    assert "Competence development and change support" in text
    assert "Budget lines: Competence development, Change management support" in text
    assert "€350,000" in text
    # The budget line without a description is shown, said to be so.
    assert "The programme gives this budget line no description." in text
    # The descriptions are Finnish only: marked so for screen readers.
    assert '<p lang="fi">Laaditaan mittarit ja verkkosivusto' in english.read_text(
        encoding="utf-8"
    )


def test_report__shows_figures_that_do_not_reconcile(
    kuvadigi: Kuvadigi, data_copy: Path, tmp_path: Path
) -> None:
    line = replace_in(
        data_copy / "budget_2019.yaml", "remaining: 76936", "remaining: 76000"
    )
    html = write_report(
        kuvadigi, tmp_path / "r.html", "--lang", "en", "--data", str(data_copy)
    )
    text = Page(html).all_text()
    assert "Figures that do not reconcile: 1." in text
    assert (
        f"budget_2019.yaml:{line}: OmaData-asiakkuus, remaining: the document says "
        "€76,000, the line items give €76,936" in text
    )


def test_report__latest_recorded_month_by_default(
    kuvadigi: Kuvadigi, data_copy: Path, tmp_path: Path
) -> None:
    recorded = kuvadigi(
        "record",
        "--data",
        str(data_copy),
        "--project",
        "OmaData",
        "--as-of",
        "2019-02",
        "--actual",
        "41000",
        "--committed",
        "190000",
    )
    assert recorded.exit_code == 0, recorded.stderr

    latest = Page(
        write_report(
            kuvadigi, tmp_path / "r.html", "--lang", "en", "--data", str(data_copy)
        )
    ).all_text()
    assert "Actual and committed as of February 2019" in latest
    # OmaData-asiakkuus: 300 000 - 41 000 - 190 000 = 69 000 remaining. In all:
    # 1 364 090 - (41 000 + 190 000 - 23 064 - 200 000) = 1 364 090 - 7 936 = 1 356 154.
    assert "MyData customer relationship €300,000 €41,000 €190,000 €69,000" in latest
    assert "€1,356,154" in latest

    january = Page(
        write_report(
            kuvadigi,
            tmp_path / "january.html",
            "--lang",
            "en",
            "--data",
            str(data_copy),
            "--as-of",
            "2019-01",
        )
    ).all_text()
    assert "Actual and committed as of January 2019" in january
    assert "€1,364,090" in january


def test_report__overspent_line_shows_a_full_red_bar(
    kuvadigi: Kuvadigi, data_copy: Path, tmp_path: Path
) -> None:
    # Ahti: 205 000 total, committed raised from 205 000 to 300 000: used
    # 300 000 / 205 000 = 146.3 %, remaining 205 000 - 300 000 = -95 000.
    replace_in(data_copy / "budget_2019.yaml", "committed: 205000", "committed: 300000")
    html = write_report(
        kuvadigi, tmp_path / "r.html", "--lang", "en", "--data", str(data_copy)
    )
    row = html[html.index("Ahti open boating resource API") :]
    row = row[: row.index("</tr>")]
    assert "-€95,000" in row
    assert '<span class="meter over">' in row
    assert 'style="width: 100%"' in row
    assert "146.3%" in row
    # `check` says so too, in the reconciliation.
    assert "exceed the total" in Page(html).all_text()


def test_report__escapes_every_data_string(
    kuvadigi: Kuvadigi, data_copy: Path, tmp_path: Path
) -> None:
    replace_in(
        data_copy / "budget_2019.yaml",
        "name_en: Hobby pass",
        "name_en: \"<script>alert('x')</script> & <b>bold</b>\"",
    )
    replace_in(
        data_copy / "estimate_2019_2022.yaml",
        "name_en: Strategy and planning",
        'name_en: "Strategy <svg onload=alert(1)>"',
    )
    html = write_report(
        kuvadigi, tmp_path / "r.html", "--lang", "en", "--data", str(data_copy)
    )
    page = Page(html)
    assert "script" not in [tag for tag, _ in page.tags]
    assert all("onload" not in attributes for _, attributes in page.tags)
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;" in html
    assert "<script>alert('x')</script> & <b>bold</b>" in page.all_text()


def test_report__refuses_to_overwrite_without_force(
    kuvadigi: Kuvadigi, tmp_path: Path
) -> None:
    path = tmp_path / "report.html"
    path.write_text("keep me", encoding="utf-8")

    refused = kuvadigi("report", "--output", str(path))
    assert refused.exit_code == 2
    assert "already exists; add --force to overwrite it" in refused.stderr
    assert path.read_text(encoding="utf-8") == "keep me"

    assert kuvadigi("report", "--output", str(path), "--force").exit_code == 0
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_report__output_that_is_a_folder(kuvadigi: Kuvadigi, tmp_path: Path) -> None:
    result = kuvadigi("report", "--output", str(tmp_path))
    assert result.exit_code == 2
    assert "is a folder" in result.stderr


@pytest.mark.parametrize(
    ("peak", "top", "step"),
    [
        # The estimate's largest year, 4 350 000: five steps of a million.
        (Decimal(4_350_000), Decimal(5_000_000), Decimal(1_000_000)),
        (Decimal(2_550_000), Decimal(3_000_000), Decimal(1_000_000)),
        (Decimal(15), Decimal(15), Decimal(5)),
        (Decimal(100), Decimal(100), Decimal(20)),
        (Decimal("0.5"), Decimal("0.5"), Decimal("0.1")),
        (Decimal(0), Decimal(1), Decimal(1)),
    ],
)
def test_axis_scale(peak: Decimal, top: Decimal, step: Decimal) -> None:
    assert axis_scale(peak) == (top, step)


def test_readme__handing_on_commands_work(
    kuvadigi: Kuvadigi, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Handing the figures on", 1)[1].split("\n## ", 1)[0]
    (block, *_) = re.findall(r"```sh\n(.*?)```", section, re.DOTALL)
    monkeypatch.chdir(tmp_path)

    for line in block.splitlines():
        program, *arguments = shlex.split(line, comments=True)
        assert program == "kuvadigi"
        result = kuvadigi(*arguments)
        assert result.exit_code == 0, line + result.stderr
    assert (tmp_path / "kuvadigi.xlsx").is_file()
    assert (tmp_path / "open-data" / "datapackage.json").is_file()
    assert (tmp_path / "report.html").is_file()

    # The screenshot the section shows is there, and small.
    screenshot = REPO / "docs" / "report.png"
    assert "](docs/report.png)" in section
    assert screenshot.stat().st_size < 150_000


# The page in a real browser

CHROMIUM = Path("/usr/bin/chromium")


def chromium() -> str:
    """Chromium's path; in CI its absence fails the test (`.ci/run` installs it),
    elsewhere the test is skipped."""
    found = shutil.which("chromium") or (str(CHROMIUM) if CHROMIUM.exists() else None)
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("chromium is missing: .ci/run installs Debian's chromium package")
    pytest.skip("chromium is not installed (apt-get install chromium)")


def run_chromium(
    page: Path, profile: Path, *args: str
) -> subprocess.CompletedProcess[str]:
    """Headless Chromium on `page`, cut off from the network and logging the page's
    console to stderr."""
    return subprocess.run(
        [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--v=0",
            *args,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def console_messages(stderr: str) -> list[str]:
    """What the page wrote to the browser's console: Chromium logs each message as a
    CONSOLE line. The page has no scripts, so any message is a problem (a bad SVG
    attribute, a blocked resource)."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


@pytest.mark.parametrize(("width", "height"), [(1100, 3000), (390, 844)])
def test_report__renders_in_chromium_without_console_messages(
    english: Path, tmp_path: Path, width: int, height: int
) -> None:
    screenshot = tmp_path / "report.png"
    result = run_chromium(
        english,
        tmp_path / "profile",
        "--hide-scrollbars",
        f"--window-size={width},{height}",
        f"--screenshot={screenshot}",
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert console_messages(result.stderr) == []
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert screenshot.stat().st_size > 20_000, "the page rendered next to nothing"


def test_report__key_figures_in_the_rendered_page(
    english: Path, tmp_path: Path
) -> None:
    result = run_chromium(english, tmp_path / "profile", "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    assert console_messages(result.stderr) == []

    text = Page(result.stdout).all_text()
    for figure in ("€2,780,000", "€1,364,090", "50.9%", "€15,100,000", "€4,350,000"):
        assert figure in text, figure


def test_report__prints_to_pdf(english: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    result = run_chromium(
        english, tmp_path / "profile", "--no-pdf-header-footer", f"--print-to-pdf={pdf}"
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert console_messages(result.stderr) == []
    assert pdf.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("command", "name"),
    [
        (("report",), "report.txt"),
        (("report",), "-"),
        (("export", "xlsx"), "budget.csv"),
    ],
)
def test_output_named_for_another_program__refused(
    kuvadigi: Kuvadigi, tmp_path: Path, command: tuple[str, ...], name: str
) -> None:
    result = kuvadigi(*command, "--output", str(tmp_path / name))

    assert result.exit_code == 2
    assert "the file's name must end in" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("command", "output"),
    [
        (("report",), "report.html"),
        (("export", "xlsx"), "kuvadigi.xlsx"),
        (("export", "datapackage"), "open-data"),
    ],
    ids=" ".join,
)
def test_writing_commands__a_file_system_that_refuses_is_bad_input(
    kuvadigi: Kuvadigi, command: tuple[str, ...], output: str
) -> None:
    # /sys takes no new files, not even from root: the write itself fails.
    target = Path("/sys") / output

    refused = kuvadigi(*command, "--output", str(target))

    assert refused.exit_code == 2
    assert f"Error: {target} cannot be written: " in refused.stderr
    assert "Traceback" not in refused.stderr
    assert not target.exists()
