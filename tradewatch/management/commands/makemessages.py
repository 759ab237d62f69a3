"""Django's makemessages, also collecting N_("…"): the domain's mark for words that are
stored in English and translated where shown (tradewatch/domain/words.py)."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=N_"]
