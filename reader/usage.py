"""Usage errors of the `zhreader` command in one line, like every other error it prints."""

from __future__ import annotations

import argparse
from typing import NoReturn


class OneLineParser(argparse.ArgumentParser):
    """An argument parser whose usage error is one line naming the problem and `--help`.

    argparse prints its whole usage (six lines for `convert`) above the error;
    the reason is what the user needs, `--help` gives the rest. Sub-commands'
    parsers are made of the same class by `add_subparsers`.
    """

    def error(self, message: str) -> NoReturn:
        """Print `PROG: error: MESSAGE (see PROG --help)` and exit with status 2."""
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")
