"""The kuvadigi benchmark: start-up against its own stack and the peers, and scale.

    python bench/run.py                  # everything: a few minutes on two cores
    python bench/run.py --quick          # start-up and 1 000 lines only, to try it out
    python bench/run.py --update-readme  # also put the tables into README.md

Start-up: the median wall time of a few kuvadigi commands on the shipped data, against
the bare import of the stack kuvadigi is built on (typer, PyYAML, rich, pydantic), all
runs interleaved so that a busy moment of the machine hits every command alike; and
against bean-check and `hledger balance` on the same budget written as a ledger.

Scale: generated data folders of 1 000, 10 000 and 100 000 budget lines
(`bench/generate.py`); the median wall time and the peak memory of `kuvadigi check` and
`kuvadigi budget --format json`, each as a first run (an empty cache, which the run
fills) and as a repeat run (the cache of validated data filled by an earlier run), and
of the peers on the same budget (`bench/ledgers.py`). A peer that is not installed is
left out, and said so.

What is measured is a snapshot of this working tree's kuvadigi, taken at the start and
byte-compiled as an installer would (`--installed` measures the installed one instead).
Every command runs in an empty folder of its own, so that Python, which puts a `-c`
command's current folder ahead of PYTHONPATH, finds the snapshot and not the working
tree. The figures go to
`bench/results.json` and `bench/results.md`, and are printed. Nothing here is a test:
CI does not run it. The generated folders, ledgers, snapshot and caches live under
`bench/out/` (ignored by git); the user's own cache is not touched.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from itertools import pairwise
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
SHIPPED_DATA = REPO / "data"
README = REPO / "README.md"
README_START = "<!-- bench:start -->"
README_END = "<!-- bench:end -->"

STACK_IMPORT = (
    "import typer, yaml, rich.console, rich.table; from pydantic import BaseModel"
)
# The stack as a command line uses it: typer (0.29 and later) builds a pydantic
# TypeAdapter for the options of the command it runs, which imports pydantic's schema
# machinery; the bare import above never pays for that, every typer command does.
STACK_PARSING = STACK_IMPORT + (
    "\napp = typer.Typer()\n"
    "@app.command()\n"
    "def budget(project: str = typer.Option(None), fmt: str = typer.Option('table')):\n"
    "    pass\n"
    "app(['--project', 'Ahti'], standalone_mode=False)"
)
DEFAULT_SIZES = (1_000, 10_000, 100_000)


@dataclass(frozen=True)
class Command:
    """One command line to time, in its own environment."""

    label: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    # A cache folder emptied before each run: every run is a first run.
    empty_cache: Path | None = None


@dataclass
class Timing:
    """What the runs of one command measured: wall seconds, peak memory, exit codes."""

    label: str
    seconds: list[float] = field(default_factory=list)
    peak_kib: list[int] = field(default_factory=list)
    exit_codes: list[int] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak_mib(self) -> float:
        return max(self.peak_kib) / 1024


def run_once(
    command: Command, base_env: dict[str, str], cwd: Path
) -> tuple[float, int, int]:
    """Run `command` once in the folder `cwd`: its wall time, its peak resident memory
    (KiB) and exit code."""
    env = {**base_env, **command.env}
    if command.empty_cache is not None:
        shutil.rmtree(command.empty_cache, ignore_errors=True)
        env["KUVADIGI_CACHE_DIR"] = str(command.empty_cache)
    started = time.perf_counter()
    process = subprocess.Popen(
        command.argv,
        env=env,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss, process.returncode


def measure(
    commands: Sequence[Command],
    runs: int,
    base_env: dict[str, str],
    cwd: Path,
    warm_up: int = 1,
) -> list[Timing]:
    """Time each command `runs` times in the folder `cwd`, interleaved round by round,
    after `warm_up` rounds that are not counted (they fill the file cache and
    kuvadigi's own)."""
    timings = [Timing(command.label) for command in commands]
    for round_number in range(warm_up + runs):
        for command, timing in zip(commands, timings, strict=True):
            seconds, peak, code = run_once(command, base_env, cwd)
            if round_number >= warm_up:
                timing.seconds.append(seconds)
                timing.peak_kib.append(peak)
                timing.exit_codes.append(code)
    return timings


def tool(name: str) -> str | None:
    """The path of the command `name`: beside this Python first (its venv), else on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    return shutil.which(name)


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory_gib = None
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        total_kib = int(meminfo.read_text().split()[1])
        memory_gib = round(total_kib / 1024 / 1024, 1)
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": memory_gib,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
    }


def versions(hledger: str | None) -> dict[str, str | None]:
    """The versions of kuvadigi's stack and of the peers."""
    found: dict[str, str | None] = {}
    for package in (
        "kuvadigi",
        "typer",
        "pydantic",
        "PyYAML",
        "rich",
        "babel",
        "beancount",
    ):
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = None
    import yaml

    found["libyaml"] = "yes" if hasattr(yaml, "CSafeLoader") else "no"
    if hledger:
        out = subprocess.run([hledger, "--version"], capture_output=True, text=True)
        found["hledger"] = out.stdout.split(",")[0].removeprefix("hledger ").strip()
    else:
        found["hledger"] = None
    return found


def startup_commands(
    kuvadigi: list[str],
    bean_check: str | None,
    hledger: str | None,
    ledgers: Path,
    empty_cache: Path,
) -> list[Command]:
    ahti = [*kuvadigi, "budget", "--project", "Ahti"]
    commands = [
        Command("python -c pass", [sys.executable, "-c", "pass"]),
        Command("stack import", [sys.executable, "-c", STACK_IMPORT]),
        Command(
            "stack import, typer parsing two options",
            [sys.executable, "-c", STACK_PARSING],
        ),
        Command("kuvadigi --version", [*kuvadigi, "--version"]),
        Command("kuvadigi --help", [*kuvadigi, "--help"]),
        Command("kuvadigi budget --project Ahti", ahti),
        Command(
            "kuvadigi budget --project Ahti, first run", ahti, empty_cache=empty_cache
        ),
        Command("kuvadigi check", [*kuvadigi, "check"]),
    ]
    if bean_check:
        commands.append(
            Command("bean-check", [bean_check, str(ledgers / "budget.beancount")])
        )
    if hledger:
        commands.append(
            Command(
                "hledger balance",
                [hledger, "balance", "-f", str(ledgers / "budget.journal")],
            )
        )
    return commands


def scale_commands(
    kuvadigi: list[str],
    bean_check: str | None,
    hledger: str | None,
    data: Path,
    ledgers: Path,
    empty_cache: Path,
) -> list[Command]:
    check = [*kuvadigi, "check", "--data", str(data)]
    budget = [*kuvadigi, "budget", "--format", "json", "--data", str(data)]
    commands = [
        Command("kuvadigi check, first run", check, empty_cache=empty_cache),
        Command("kuvadigi check, repeat run", check),
        Command(
            "kuvadigi budget --format json, first run", budget, empty_cache=empty_cache
        ),
        Command("kuvadigi budget --format json, repeat run", budget),
    ]
    if bean_check:
        beancount = str(ledgers / "budget.beancount")
        commands.append(Command("bean-check", [bean_check, beancount]))
        commands.append(
            Command("bean-check --no-cache", [bean_check, "--no-cache", beancount])
        )
    if hledger:
        commands.append(
            Command(
                "hledger balance",
                [hledger, "balance", "-f", str(ledgers / "budget.journal")],
            )
        )
    return commands


def snapshot(workdir: Path) -> Path:
    """A copy of kuvadigi as it is now (the package and the files it reads beside it),
    so that edits made while the benchmark runs change neither what is measured nor
    the cache's key (kuvadigi's own source).

    It is byte-compiled once, as pip does on install: whether a run could write its
    own bytecode would otherwise depend on PYTHONDONTWRITEBYTECODE, and the start-up
    measured is that of an installed kuvadigi."""
    target = workdir / "snapshot"
    shutil.rmtree(target, ignore_errors=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("kuvadigi", "data", "schemas"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, target / name, ignore=ignore)
    if not compileall.compile_dir(target / "kuvadigi", quiet=1):
        raise SystemExit(f"could not byte-compile {target / 'kuvadigi'}")
    return target


def _require_snapshot(base_env: dict[str, str], cwd: Path) -> None:
    """Stop unless a run in `cwd` imports kuvadigi from the snapshot, compiled."""
    probe = "import kuvadigi; print(kuvadigi.__file__, kuvadigi.__cached__)"
    out = subprocess.run(
        [sys.executable, "-c", probe],
        env=base_env,
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    source, cached = out.stdout.split()
    snapshot_folder = Path(base_env["PYTHONPATH"])
    if not Path(source).is_relative_to(snapshot_folder) or not Path(cached).exists():
        raise SystemExit(f"the runs would not measure the snapshot: {out.stdout}")


def prepare(lines: int, workdir: Path) -> tuple[Path, Path]:
    """A generated data folder of `lines` budget lines and its ledgers."""
    from generate import generate
    from ledgers import write_ledgers

    data = workdir / f"data-{lines}"
    if data.exists():
        shutil.rmtree(data)
    generate(lines, data)
    ledgers = workdir / f"ledgers-{lines}"
    write_ledgers(data, ledgers)
    return data, ledgers


def startup_rows(timings: list[Timing]) -> list[dict[str, Any]]:
    stack = next(timing for timing in timings if timing.label == "stack import").median
    return [
        {
            "command": timing.label,
            "median_ms": round(timing.median * 1000, 1),
            "vs_stack_import": round(timing.median / stack, 2),
            "exit_codes": sorted(set(timing.exit_codes)),
        }
        for timing in timings
    ]


def scale_rows(lines: int, timings: list[Timing]) -> list[dict[str, Any]]:
    return [
        {
            "lines": lines,
            "command": timing.label,
            "median_s": round(timing.median, 3),
            "peak_mib": round(timing.peak_mib, 1),
            "exit_codes": sorted(set(timing.exit_codes)),
        }
        for timing in timings
    ]


def growth(scale: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """For each command, how its time grew from one size to the next (ten times the
    lines): linear is 10x."""
    rows = []
    by_command: dict[str, list[dict[str, Any]]] = {}
    for row in scale:
        by_command.setdefault(str(row["command"]), []).append(row)
    for command, sized in by_command.items():
        for smaller, larger in pairwise(sized):
            factor = float(larger["median_s"]) / float(smaller["median_s"])
            rows.append(
                {
                    "command": command,
                    "from_lines": smaller["lines"],
                    "to_lines": larger["lines"],
                    "time_factor": round(factor, 1),
                }
            )
    return rows


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """The issue's targets, each with the figure that decides it and whether it holds."""
    startup = {row["command"]: row for row in results["startup"]}
    scale = {(row["lines"], row["command"]): row for row in results["scale"]}
    found: list[dict[str, Any]] = []

    def target(name: str, figure: str, holds: bool | None) -> None:
        found.append({"target": name, "figure": figure, "holds": holds})

    ahti = startup.get("kuvadigi budget --project Ahti")
    if ahti:
        ratio = float(ahti["vs_stack_import"])
        target(
            "budget --project Ahti within 1.15 x the stack import",
            f"{ratio:.2f} x",
            ratio <= 1.15,
        )
        bean = startup.get("bean-check")
        if bean:
            holds = float(ahti["median_ms"]) <= float(bean["median_ms"])
            target(
                "budget --project Ahti no slower than bean-check",
                f"{ahti['median_ms']} ms vs {bean['median_ms']} ms",
                holds,
            )
    for row in results["growth"]:
        if str(row["command"]).startswith("kuvadigi"):
            factor = float(row["time_factor"])
            target(
                f"{row['command']}: 10 x the lines ({row['from_lines']} to {row['to_lines']}) "
                "in at most 11 x the time",
                f"{factor:.1f} x",
                factor <= 11,
            )
    for run in ("first run", "repeat run"):
        ours = scale.get((10_000, f"kuvadigi check, {run}"))
        peer = scale.get((10_000, "bean-check"))
        if ours and peer:
            target(
                f"check at 10 000 lines ({run}) at least as fast as bean-check",
                f"{ours['median_s']} s vs {peer['median_s']} s",
                float(ours["median_s"]) <= float(peer["median_s"]),
            )
        big = scale.get((100_000, f"kuvadigi check, {run}"))
        if big:
            target(
                f"check at 100 000 lines ({run}) under 10 s and 1 GiB",
                f"{big['median_s']} s, {big['peak_mib']} MiB",
                float(big["median_s"]) < 10 and float(big["peak_mib"]) < 1024,
            )
    return found


def markdown(results: dict[str, Any]) -> str:
    """The results as Markdown tables, for the README."""
    info = results["machine"]
    vers = results["versions"]
    out = [
        f"Measured {results['date']} on {info['cpu']}, {info['cores']} cores, "
        f"{info['memory_gib']} GiB, {info['os']}, Python {info['python']}; "
        + ", ".join(f"{name} {version}" for name, version in vers.items() if version)
        + ".",
        "",
        f"Start-up, shipped data, median of {results['startup_runs']} interleaved runs:",
        "",
        "| command | median | vs stack import |",
        "|---|---:|---:|",
    ]
    for row in results["startup"]:
        out.append(
            f"| {row['command']} | {row['median_ms']:.0f} ms | {row['vs_stack_import']:.2f} x |"
        )
    out += [
        "",
        "Scale, generated data, median wall time and peak memory:",
        "",
        "| lines | command | median | peak memory |",
        "|---:|---|---:|---:|",
    ]
    for row in results["scale"]:
        out.append(
            f"| {row['lines']:,} | {row['command']} | {row['median_s']:.2f} s | {row['peak_mib']:.0f} MiB |"
        )
    out += ["", "Targets:", "", "| target | measured | holds |", "|---|---|---|"]
    for row in results["targets"]:
        holds = {True: "yes", False: "**no**", None: "n/a"}[row["holds"]]
        out.append(f"| {row['target']} | {row['figure']} | {holds} |")
    if results["skipped"]:
        out += ["", "Not measured: " + "; ".join(results["skipped"]) + "."]
    return "\n".join(out) + "\n"


def update_readme(table: str) -> None:
    text = README.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        print(f"README.md has no {README_START} ... {README_END} markers; not updated")
        return
    before, rest = text.split(README_START, 1)
    _, after = rest.split(README_END, 1)
    README.write_text(
        f"{before}{README_START}\n{table}{README_END}{after}", encoding="utf-8"
    )
    print("README.md updated")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark kuvadigi against its stack and peers."
    )
    parser.add_argument(
        "--sizes",
        default=",".join(str(n) for n in DEFAULT_SIZES),
        help="budget lines to generate, comma-separated",
    )
    parser.add_argument(
        "--quick", action="store_true", help="start-up and 1 000 lines only, fewer runs"
    )
    parser.add_argument("--startup-runs", type=int, default=21)
    parser.add_argument(
        "--scale-runs", type=int, default=5, help="runs below 100 000 lines"
    )
    parser.add_argument(
        "--big-runs", type=int, default=3, help="runs at 100 000 lines and more"
    )
    parser.add_argument("--workdir", type=Path, default=BENCH / "out")
    parser.add_argument("--results", type=Path, default=BENCH / "results")
    parser.add_argument("--update-readme", action="store_true")
    parser.add_argument(
        "--installed",
        action="store_true",
        help="measure the installed kuvadigi, not a snapshot of this working tree",
    )
    args = parser.parse_args(argv)
    # The runs have a current folder of their own: every path they are given is whole.
    args.workdir = args.workdir.resolve()
    sizes = [int(size) for size in args.sizes.split(",") if size]
    if args.quick:
        sizes, args.startup_runs, args.scale_runs = [1_000], 7, 3

    sys.path.insert(0, str(BENCH))
    # The ledgers are written by reading the data in this process: never with a cache,
    # so that the timed first runs find it empty and the repeat runs fill it themselves.
    os.environ["KUVADIGI_NO_CACHE"] = "1"
    from ledgers import write_ledgers

    if args.installed:
        installed = tool("kuvadigi")
        if installed is None:
            print(
                "kuvadigi is not installed in this Python's environment",
                file=sys.stderr,
            )
            return 2
        kuvadigi = [installed]
    else:
        # What the console script does, on the snapshot.
        kuvadigi = [
            sys.executable,
            "-c",
            "import sys; from kuvadigi.start import main; sys.exit(main())",
        ]
    bean_check, hledger = tool("bean-check"), tool("hledger")
    skipped = []
    if bean_check is None:
        skipped.append("bean-check (pip install '.[bench]')")
    if hledger is None:
        skipped.append("hledger (e.g. apt-get install hledger)")
    for name in skipped:
        print(f"not installed, left out: {name}")

    args.workdir.mkdir(parents=True, exist_ok=True)
    cache = args.workdir / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    base_env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("KUVADIGI_NO_CACHE", "KUVADIGI_DATA")
    }
    base_env.update(
        {"KUVADIGI_CACHE_DIR": str(cache), "LANG": "C.UTF-8", "COLUMNS": "100"}
    )
    if not args.installed:
        base_env["PYTHONPATH"] = str(snapshot(args.workdir))
    empty_cache = args.workdir / "cache-first-run"
    # The current folder of every measured run: empty, so nothing in it shadows the
    # snapshot (a -c command finds its current folder first).
    run_in = args.workdir / "cwd"
    shutil.rmtree(run_in, ignore_errors=True)
    run_in.mkdir()
    if not args.installed:
        _require_snapshot(base_env, run_in)

    shipped_ledgers = args.workdir / "ledgers-shipped"
    write_ledgers(SHIPPED_DATA, shipped_ledgers)
    print(f"start-up: {args.startup_runs} interleaved runs ...", flush=True)
    startup = measure(
        startup_commands(kuvadigi, bean_check, hledger, shipped_ledgers, empty_cache),
        args.startup_runs,
        base_env,
        run_in,
    )

    scale: list[dict[str, Any]] = []
    for lines in sizes:
        print(f"{lines:,} lines: generating ...", flush=True)
        data, ledgers = prepare(lines, args.workdir)
        runs = args.big_runs if lines >= 100_000 else args.scale_runs
        print(f"{lines:,} lines: {runs} interleaved runs ...", flush=True)
        timings = measure(
            scale_commands(kuvadigi, bean_check, hledger, data, ledgers, empty_cache),
            runs,
            base_env,
            run_in,
        )
        scale += scale_rows(lines, timings)

    results: dict[str, Any] = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "machine": machine(),
        "versions": versions(hledger),
        "startup_runs": args.startup_runs,
        "startup": startup_rows(startup),
        "scale": scale,
        "skipped": skipped,
    }
    results["growth"] = growth(scale)
    results["targets"] = targets(results)

    table = markdown(results)
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.with_suffix(".json").write_text(
        json.dumps(results, indent=2) + "\n", "utf-8"
    )
    args.results.with_suffix(".md").write_text(table, "utf-8")
    print()
    print(table)
    if args.update_readme:
        update_readme(table)
    for row in [*results["startup"], *scale]:
        if row["exit_codes"] != [0]:
            print(f"note: {row['command']} exited {row['exit_codes']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
