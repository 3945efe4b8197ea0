"""Which column fills which field: the automatic guess, a mapping file, named presets."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sms_desktop.domain.errors import Errors
from sms_desktop.domain.i18n import translate
from sms_desktop.domain.importing.errors import ImportFileError
from sms_desktop.domain.importing.fields import FIELDS, ImportKind, auto_map, header_key
from sms_desktop.services.settings import SettingsService

Columns = tuple[str | None, ...]  # per source column: the field it fills, or None
MAX_PRESET_NAME = 60


@dataclass(frozen=True, slots=True)
class Preset:
    """A saved mapping: reused when a file with the same headers comes again."""

    name: str
    kind: ImportKind
    headers: tuple[str, ...]
    columns: Columns


def _check_fields(kind: ImportKind, columns: Sequence[str | None]) -> None:
    known = {f.name for f in FIELDS[kind]}
    for name in columns:
        if name is not None and name not in known:
            raise ImportFileError(
                translate("Import", "{kind} have no field {field}.").format(
                    kind=kind.value, field=name
                )
            )
    taken = [n for n in columns if n is not None]
    for name in taken:
        if taken.count(name) > 1:
            raise ImportFileError(
                translate("Import", "Two columns are mapped to {field}.").format(field=name)
            )


def mapping_from_headers(
    kind: ImportKind, headers: Sequence[str], chosen: Mapping[str, str | None]
) -> Columns:
    """Columns from a {source header: field} object (a ``--mapping`` file); headers it does
    not name keep the automatic guess, a header named with ``null`` is not imported."""
    keys = {header_key(h): i for i, h in enumerate(headers)}
    columns = list(auto_map(kind, headers))
    for header, name in chosen.items():
        index = keys.get(header_key(header))
        if index is None:
            raise ImportFileError(
                translate("Import", "The file has no column {header}.").format(header=header)
            )
        if name is not None:  # another column guessed for this field gives it up
            columns = [None if c == name else c for c in columns]
        columns[index] = name
    _check_fields(kind, columns)
    return tuple(columns)


class MappingPresets:
    """Named mappings in the settings table, found again by their header set."""

    def __init__(self, settings: SettingsService) -> None:
        self._settings = settings

    def all(self, kind: ImportKind | None = None) -> list[Preset]:
        presets: list[Preset] = []
        for name, raw in sorted(self._settings.import_presets().items()):
            try:
                preset = Preset(
                    name,
                    ImportKind(raw["kind"]),
                    tuple(str(h) for h in raw["headers"]),
                    tuple(None if c is None else str(c) for c in raw["columns"]),
                )
            except (KeyError, TypeError, ValueError):
                continue  # an unreadable preset is skipped, not fatal
            if kind is None or preset.kind == kind:
                presets.append(preset)
        return presets

    def find(self, kind: ImportKind, headers: Sequence[str]) -> Preset | None:
        """The preset saved for the same set of headers (in any order), if any."""
        wanted = {header_key(h) for h in headers if h}
        for preset in self.all(kind):
            if {header_key(h) for h in preset.headers if h} == wanted:
                by_key = dict(
                    zip((header_key(h) for h in preset.headers), preset.columns, strict=False)
                )
                columns = tuple(by_key.get(header_key(h)) for h in headers)
                return Preset(preset.name, kind, tuple(headers), columns)
        return None

    def save(
        self, name: str, kind: ImportKind, headers: Sequence[str], columns: Sequence[str | None]
    ) -> Preset:
        name = name.strip()
        errors = Errors()
        if not name:
            errors.add("name", translate("Import", "Enter a name for the mapping."))
        elif len(name) > MAX_PRESET_NAME:
            errors.add(
                "name",
                translate("Import", "At most {limit} characters.").format(limit=MAX_PRESET_NAME),
            )
        errors.raise_if_any()
        if len(columns) != len(headers):
            raise ValueError("one field (or None) per header")
        _check_fields(kind, columns)
        self._settings.save_import_preset(
            name, {"kind": kind.value, "headers": list(headers), "columns": list(columns)}
        )
        return Preset(name, kind, tuple(headers), tuple(columns))

    def delete(self, name: str) -> None:
        self._settings.save_import_preset(name, None)


def suggest(
    kind: ImportKind, headers: Sequence[str], presets: MappingPresets | None = None
) -> tuple[Columns, str | None]:
    """The mapping to start from: a preset saved for these headers, else the guess."""
    if presets is not None and (preset := presets.find(kind, headers)) is not None:
        return preset.columns, preset.name
    return auto_map(kind, headers), None
