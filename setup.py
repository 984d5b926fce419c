"""Build hook: compile the Qt translations (.ts -> .qm) into the package.

Everything else about the package is declared in pyproject.toml.
"""

import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithTranslations(build_py):
    def run(self) -> None:
        script = Path(__file__).parent / "packaging" / "build_translations.py"
        subprocess.run([sys.executable, str(script)], check=True)
        super().run()


setup(cmdclass={"build_py": BuildPyWithTranslations})
