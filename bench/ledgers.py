"""The same budget written for the peers: a beancount ledger and an hledger journal.

    python bench/ledgers.py DATA_FOLDER OUTDIR

Each budget line is two transactions, which balance only where its published figures
agree, so both peers check what `kuvadigi check` checks on the budget:

- funding: each funding source's amount moves into `Assets:Budget:<Line>` at the
  published total (it balances when the total is the sum of the sources);
- use: the published total moves out to the line's actual, committed and published
  remaining (it balances when remaining = total - actual - committed).

The totals row becomes balance assertions on the funding accounts and on the parents of
the actual, committed and remaining accounts. Per-line balance assertions would say the
same again, but beancount checks each assertion against every account, which made
bean-check quadratic (60 s at 10 000 lines): the transactions carry the check instead.
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from pathlib import Path

from kuvadigi.loader import load_budget
from kuvadigi.models import Budget, Project

CURRENCY = "EUR"
ZERO = Decimal(0)


def account_part(text: str) -> str:
    """`text` as one component of an account name: a capital first, letters, digits and
    dashes only (what both beancount and hledger accept)."""
    cleaned = "".join(
        char if char.isascii() and char.isalnum() else "-" for char in text
    )
    return cleaned[:1].upper() + cleaned[1:]


def _amount(value: Decimal) -> str:
    return f"{value:f} {CURRENCY}"


def _dates(budget: Budget) -> tuple[str, str, str]:
    """The dates of the ledger: funded (the year's first day), used (in the month the
    figures are as of), reconciled (the next month's first day)."""
    year, month = budget.as_of.split("-")
    next_month = (
        f"{int(year) + 1}-01" if month == "12" else f"{year}-{int(month) + 1:02d}"
    )
    return f"{budget.year}-01-01", f"{budget.as_of}-28", f"{next_month}-01"


def _total(project: Project) -> Decimal:
    """The published total, or where it is blank the sum of the funding sources."""
    if project.total is not None:
        return project.total
    return sum(project.funding.values(), ZERO)


def _transactions(project: Project) -> list[list[tuple[str, Decimal | None]]]:
    """The postings of a line's two transactions; an amount of None is left for the
    ledger to fill in (a blank published remaining)."""
    part = account_part(project.id)
    budget_account = f"Assets:Budget:{part}"
    funding: list[tuple[str, Decimal | None]] = [
        (f"Income:Funding:{account_part(source_id)}", -amount)
        for source_id, amount in project.funding.items()
        if amount
    ]
    funding.append((budget_account, _total(project)))

    use: list[tuple[str, Decimal | None]] = [(budget_account, -_total(project))]
    use += [
        (f"Expenses:{kind}:{part}", amount)
        for kind, amount in (
            ("Actual", project.actual),
            ("Committed", project.committed),
        )
        if amount
    ]
    if project.remaining is None or project.remaining:
        use.append((f"Assets:Remaining:{part}", project.remaining))
    return [funding, use]


def _totals_row(budget: Budget) -> list[tuple[str, Decimal]]:
    """The published totals row as (account, balance) pairs; a parent account's balance
    includes its lines'."""
    totals = budget.totals
    if totals is None:
        return []
    assertions = [
        (f"Income:Funding:{account_part(source_id)}", -amount)
        for source_id, amount in totals.funding.items()
    ]
    for account, amount in (
        ("Expenses:Actual", totals.actual),
        ("Expenses:Committed", totals.committed),
        ("Assets:Remaining", totals.remaining),
    ):
        if amount is not None:
            assertions.append((account, amount))
    return assertions


def _accounts(budget: Budget) -> list[str]:
    # The parents are opened too: beancount asserts the totals row on them.
    accounts = ["Expenses:Actual", "Expenses:Committed", "Assets:Remaining"]
    accounts += [
        f"Income:Funding:{account_part(source.id)}" for source in budget.funding_sources
    ]
    for project in budget.projects:
        part = account_part(project.id)
        accounts += [
            f"Assets:Budget:{part}",
            f"Expenses:Actual:{part}",
            f"Expenses:Committed:{part}",
            f"Assets:Remaining:{part}",
        ]
    return accounts


def beancount_ledger(budget: Budget) -> str:
    """`budget` as a beancount ledger that balances where the published figures agree."""
    funded, used, reconciled = _dates(budget)
    lines = [
        f'option "title" "Budget {budget.year}"',
        f'option "operating_currency" "{CURRENCY}"',
        "",
        *(f"{funded} open {account} {CURRENCY}" for account in _accounts(budget)),
        "",
    ]
    for project in budget.projects:
        for date, postings in zip((funded, used), _transactions(project), strict=True):
            lines.append(f'{date} * "{project.id}"')
            for account, amount in postings:
                lines.append(
                    f"  {account}" + ("" if amount is None else f"  {_amount(amount)}")
                )
        lines.append("")
    for account, balance in _totals_row(budget):
        lines.append(f"{reconciled} balance {account}  {_amount(balance)}")
    return "\n".join(lines) + "\n"


def hledger_journal(budget: Budget) -> str:
    """`budget` as an hledger journal that balances where the published figures agree."""
    funded, used, reconciled = _dates(budget)
    lines = [f"; Budget {budget.year}", ""]
    for project in budget.projects:
        for date, postings in zip((funded, used), _transactions(project), strict=True):
            lines.append(f"{date} {project.id}")
            for account, amount in postings:
                lines.append(
                    f"    {account}"
                    + ("" if amount is None else f"  {_amount(amount)}")
                )
            lines.append("")
    totals = _totals_row(budget)
    if totals:
        # `=*` asserts the balance including subaccounts, as beancount's balance does.
        lines.append(f"{reconciled} Totals row")
        for account, balance in totals:
            lines.append(f"    {account}  0 {CURRENCY} =* {_amount(balance)}")
        lines.append("")
    return "\n".join(lines)


def write_ledgers(data: Path, outdir: Path) -> tuple[Path, Path]:
    """Write the budget of the data folder `data` as `budget.beancount` and
    `budget.journal` in `outdir`; return their paths."""
    budget = load_budget(data).model
    outdir.mkdir(parents=True, exist_ok=True)
    beancount = outdir / "budget.beancount"
    journal = outdir / "budget.journal"
    beancount.write_text(beancount_ledger(budget), "utf-8")
    journal.write_text(hledger_journal(budget), "utf-8")
    return beancount, journal


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write a data folder's budget as a beancount ledger and an hledger journal."
    )
    parser.add_argument("data", type=Path, help="a kuvadigi data folder")
    parser.add_argument("outdir", type=Path, help="where to write the two files")
    args = parser.parse_args(argv)
    for path in write_ledgers(args.data, args.outdir):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
