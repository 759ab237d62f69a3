"""Compile locale/*/LC_MESSAGES/django.po to .mo with Babel: no GNU gettext needed, so a
fresh machine serves Russian pages after `make install`. (makemessages, for developers who
add strings, still needs gettext's xgettext.)"""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile the translation catalogues (.po) into the files Django reads (.mo)."

    def handle(self, *args: object, **options: object) -> None:
        catalogues = [
            p for base in settings.LOCALE_PATHS for p in Path(base).glob("*/LC_MESSAGES/*.po")
        ]
        if not catalogues:
            raise CommandError("No catalogues found under LOCALE_PATHS.")
        for po in catalogues:
            with po.open("rb") as source:
                catalog = read_po(source, locale=po.parts[-3])
            with po.with_suffix(".mo").open("wb") as target:
                write_mo(target, catalog, use_fuzzy=False)
            self.stdout.write(f"{po.relative_to(settings.BASE_DIR)}: {len(catalog)} messages")
