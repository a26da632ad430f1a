# folio: build, install and uninstall like a well-kept Unix tool.
#   make                      release build (Swift runtime linked statically; with Xapian when
#                             libxapian-dev is installed)
#   make install PREFIX=~/.local
#   make uninstall PREFIX=~/.local
#   make manual               regenerate Documentation/folio.1 from the command definitions
#   make format               apply the committed .swift-format style (.ci/run lints with it)

PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man/man1
BASHDIR = $(PREFIX)/share/bash-completion/completions
ZSHDIR = $(PREFIX)/share/zsh/site-functions
FISHDIR = $(PREFIX)/share/fish/vendor_completions.d
BUILD = .build/release/folio
# The Xapian engine (`xapian:PATH`, `folio index --xapian`) when libxapian-dev is installed.
TRAITS := $(if $(wildcard /usr/include/xapian.h),--traits Xapian,)

.PHONY: all build install uninstall manual format clean

all: build

build:
	swift build -c release --product folio --static-swift-stdlib $(TRAITS)

install: build
	install -d "$(BINDIR)" "$(MANDIR)" "$(BASHDIR)" "$(ZSHDIR)" "$(FISHDIR)"
	install -m 755 -s "$(BUILD)" "$(BINDIR)/folio"
	install -m 644 Documentation/folio.1 "$(MANDIR)/folio.1"
	"$(BUILD)" --generate-completion-script bash > "$(BASHDIR)/folio"
	"$(BUILD)" --generate-completion-script zsh > "$(ZSHDIR)/_folio"
	"$(BUILD)" --generate-completion-script fish > "$(FISHDIR)/folio.fish"
	@echo "installed folio in $(BINDIR); man page and bash/zsh/fish completions under $(PREFIX)/share"

uninstall:
	rm -f "$(BINDIR)/folio" "$(MANDIR)/folio.1" "$(BASHDIR)/folio" "$(ZSHDIR)/_folio" "$(FISHDIR)/folio.fish"

manual:
	swift build --product folio
	python3 Scripts/generate-manpage.py .build/debug/folio > Documentation/folio.1

format:
	swift format format --in-place --recursive --parallel Sources Tests Plugins Package.swift

clean:
	rm -rf .build
