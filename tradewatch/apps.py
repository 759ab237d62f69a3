from django.apps import AppConfig
from django.db.models.signals import post_migrate

EDITOR_MODELS = ("country", "source", "figure", "target", "targetstatement", "event")


def ensure_groups(sender: AppConfig, **kwargs) -> None:
    """Editors add, change, view and delete facts and sources, and view and decide readers'
    corrections — nothing else. Administrators also manage accounts and groups; only
    superusers change the rest."""
    from django.contrib.auth.models import Group, Permission

    facts = Permission.objects.filter(
        content_type__app_label="tradewatch", content_type__model__in=EDITOR_MODELS
    ) | Permission.objects.filter(
        content_type__app_label="tradewatch",
        codename__in=("view_correction", "change_correction"),
    )
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.set(facts)
    accounts = Permission.objects.filter(
        content_type__app_label="auth", content_type__model__in=("user", "group")
    )
    administrators, _ = Group.objects.get_or_create(name="Administrators")
    administrators.permissions.set(facts | accounts)


def summarise_existing_data(sender: AppConfig, **kwargs) -> None:
    """Data stored before summaries existed gets its rows once, right after migrating."""
    from tradewatch.models import Figure, PairSummary
    from tradewatch.summaries import refresh_all

    if Figure.objects.exists() and not PairSummary.objects.exists():
        refresh_all()


class TradeWatchConfig(AppConfig):
    name = "tradewatch"
    verbose_name = "TradeWatch"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save
        from django.utils.formats import get_format
        from django.utils.translation import get_language, gettext

        from tradewatch.cache import data_changed
        from tradewatch.domain import words
        from tradewatch.models import Country, Figure, Target, TargetStatement
        from tradewatch.summaries import refresh_after_rename, refresh_after_write

        # The domain's words and numbers in the reader's language.
        words.install(
            gettext,
            lambda: (get_format("DECIMAL_SEPARATOR"), get_format("THOUSAND_SEPARATOR")),
            get_language,
        )
        post_migrate.connect(ensure_groups, sender=self)
        post_migrate.connect(summarise_existing_data, sender=self)
        summarised = (Figure, Target, TargetStatement)
        for model in summarised:  # the summary refresh also replaces the pages' tokens
            post_save.connect(refresh_after_write, sender=model, dispatch_uid=f"summary-{model}")
            post_delete.connect(refresh_after_write, sender=model, dispatch_uid=f"summ-d-{model}")
        post_save.connect(refresh_after_rename, sender=Country, dispatch_uid="summary-country")
        for name in EDITOR_MODELS:  # whatever editors can change, pages show
            model = self.get_model(name)
            if model in summarised:
                continue
            post_save.connect(data_changed, sender=model, dispatch_uid=f"version-{name}")
            post_delete.connect(data_changed, sender=model, dispatch_uid=f"version-d-{name}")
