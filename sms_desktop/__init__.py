"""SMS Desktop (销售管理系统): an offline desktop sales management system."""


def _version() -> str:
    """The version in pyproject.toml: from the installed (or bundled) package's metadata, or
    read from the file itself in a source checkout that was never installed."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("sms-desktop")
    except PackageNotFoundError:
        import tomllib
        from pathlib import Path

        try:
            with (Path(__file__).resolve().parent.parent / "pyproject.toml").open("rb") as file:
                return str(tomllib.load(file)["project"]["version"])
        except (OSError, KeyError, tomllib.TOMLDecodeError):
            return "0+unknown"


__version__ = _version()
APP_NAME = "SMS Desktop"
APP_ID = "sms-desktop"
