"""Fixtures: the sample built once per test session, in a copy outside the repository."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpers import REPO, make_project, outputs, run_cli  # noqa: E402

# Ace by DAISY as installed by scripts/setup --test, unless the environment names another.
_ACE = REPO / ".tools" / "ace" / "node_modules" / ".bin" / "ace-cli"
if _ACE.exists() and "ACE_CLI" not in os.environ:
    os.environ["ACE_CLI"] = str(_ACE)


@pytest.fixture(scope="session")
def sample(tmp_path_factory) -> dict:
    """Build the sample project once through the real CLI; return its outputs and the CLI's report."""
    project = make_project(tmp_path_factory.mktemp("sample"))
    result = run_cli("build", str(project))
    assert result.returncode == 0, result.stderr
    return {"project": project, "files": outputs(project), "stdout": result.stdout, "stderr": result.stderr}


@pytest.fixture(scope="session")
def sample_dump(sample) -> dict:
    """The sample's content model as printed by `interview-publish dump`."""
    result = run_cli("dump", str(sample["project"]))
    assert result.returncode == 0, result.stderr
    return {"model": json.loads(result.stdout), "stderr": result.stderr}


def _hypothesis_profiles() -> None:
    """A small budget by default (CI); `HYPOTHESIS_PROFILE=thorough` for a long run on demand."""
    import os

    from hypothesis import settings

    settings.register_profile("ci", max_examples=60)
    settings.register_profile("thorough", max_examples=5000)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


_hypothesis_profiles()
