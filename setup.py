"""Build hook: ship the top-level rules/ (the source of truth) inside the wheel as factcheck/rules/.

Everything else is in pyproject.toml. The loader finds the rules with importlib.resources in an
installed wheel and falls back to the checkout's rules/ in a source or editable install.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithRules(build_py):
    def run(self) -> None:
        super().run()
        source = Path(__file__).resolve().parent / "rules"
        target = Path(self.build_lib) / "factcheck" / "rules"
        for path in sorted(source.rglob("*.yaml")):
            dest = target / path.relative_to(source)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dest)


setup(cmdclass={"build_py": BuildWithRules})
