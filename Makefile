# SMS Desktop — `make run` opens the app, `make test` runs every check. Both set up
# everything they need (a virtual environment in .venv) on a fresh machine.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TS := resources/i18n/sms_desktop_zh_CN.ts
TS_EN := resources/i18n/sms_desktop_en.ts
QM := resources/i18n/sms_desktop_zh_CN.qm resources/i18n/sms_desktop_en.qm resources/i18n/qt_extra_zh_CN.qm

.PHONY: run test lint bench i18n setup clean guide-screenshots dist

setup: $(STAMP) $(QM)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): $(VENV)/bin/python pyproject.toml
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# System libraries a Qt platform plugin needs (xcb for a real screen, offscreen for tests),
# installed only when missing and when we may (root with apt-get); otherwise the README
# lists them. $(1) is the plugin: xcb or offscreen.
QT_PLUGINS = $$($(PY) -c "import PySide6, pathlib; print(pathlib.Path(PySide6.__file__).parent / 'Qt/plugins/platforms')")
define qt_deps
	@if ldd $(QT_PLUGINS)/libq$(1).so 2>/dev/null | grep -q "not found"; then \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    echo "installing the system libraries Qt's $(1) platform needs…"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
	      libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 \
	      libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xkb1 \
	      >/dev/null; \
	  else echo "Qt's $(1) platform lacks system libraries (see README)"; \
	    ldd $(QT_PLUGINS)/libq$(1).so | grep "not found"; exit 1; fi; fi
endef

# The PDF tests read what a PDF prints with poppler's pdftotext, and the packaging tests check
# the .desktop file with desktop-file-validate (both installed when missing).
define pdf_tools
	@missing=""; \
	command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	command -v desktop-file-validate >/dev/null || missing="$$missing desktop-file-utils"; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    echo "installing$$missing for the PDF and .desktop file tests…"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      $$missing >/dev/null; \
	  else echo "the tests need$$missing (see README)"; exit 1; fi; fi
endef

# The team edition's tests start a throw-away PostgreSQL server (tests/pg_server.py) from the
# server binaries: initdb and pg_ctl on PATH or in Debian's /usr/lib/postgresql/*/bin. When
# missing, the Debian package is installed (without the default cluster: nothing starts).
define pg_server
	@if ! { command -v initdb && command -v pg_ctl; } >/dev/null && \
	    ! ls /usr/lib/postgresql/*/bin/initdb /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    echo "installing PostgreSQL (postgresql) for the team edition's tests…"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      postgresql-common >/dev/null && \
	    sed -i 's/^#* *create_main_cluster.*/create_main_cluster = false/' \
	      /etc/postgresql-common/createcluster.conf && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	  else echo "the PostgreSQL tests need initdb and pg_ctl (package postgresql, see README)"; \
	    exit 1; fi; fi
endef

run: setup
	$(call qt_deps,xcb)
	$(VENV)/bin/sms-desktop

lint: setup
	$(VENV)/bin/ruff check sms_desktop tests
	$(VENV)/bin/ruff format --check sms_desktop tests
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

test: setup
	$(call qt_deps,offscreen)
	$(call pdf_tools)
	$(call pg_server)
	$(VENV)/bin/ruff check sms_desktop tests
	$(VENV)/bin/ruff format --check sms_desktop tests
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q

# The frozen app (PyInstaller, one folder) and the installers this machine can build, into
# dist/: on Linux a .deb and a .tar.gz (packaging/build_dist.py; installs the `dist` extra
# when PyInstaller is missing, runs the bundle's --selftest).
dist: setup
	$(call qt_deps,offscreen)
	$(PY) packaging/build_dist.py

bench: setup
	$(call qt_deps,offscreen)
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.benchmarks

# Refresh the translation sources from the code (then translate the new entries). English
# needs only its plural forms ("1 customer", "2 customers").
i18n: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -extensions py -no-obsolete -locations none \
	  sms_desktop -ts $(TS)
	$(VENV)/bin/pyside6-lupdate -extensions py -no-obsolete -locations none -pluralonly \
	  -target-language en sms_desktop -ts $(TS_EN)

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis $(QM)

# The User Guide's pictures (resources/guide/*.png): each tab of a demo database at 1280×720,
# in both languages, rendered offscreen and reduced to 256 colours (ImageMagick's convert).
guide-screenshots: setup
	$(call qt_deps,offscreen)
	rm -f /tmp/sms-guide-demo.sqlite3
	$(VENV)/bin/sms-desktop demo --db /tmp/sms-guide-demo.sqlite3 --customers 300
	for lang in zh_CN en; do for tab in dashboard customers pipeline tasks quotes targets; do \
	  QT_QPA_PLATFORM=offscreen $(VENV)/bin/sms-desktop gui --db /tmp/sms-guide-demo.sqlite3 \
	    --lang $$lang --tab $$tab --size 1280x720 --screenshot /tmp/sms-guide-$$tab.png && \
	  convert /tmp/sms-guide-$$tab.png -resize 1024x -colors 256 PNG8:resources/guide/$${tab}_$$lang.png; \
	done; done
