from django.apps import AppConfig
from django.db.models.signals import post_migrate

EDITOR_MODELS = ("country", "source", "figure", "target", "targetstatement", "event")


def ensure_editors_group(sender: AppConfig, **kwargs) -> None:
    """Editors may add, change, view and delete facts and sources — nothing else."""
    from django.contrib.auth.models import Group, Permission

    group, _ = Group.objects.get_or_create(name="Editors")
    perms = Permission.objects.filter(
        content_type__app_label="tradewatch", content_type__model__in=EDITOR_MODELS
    )
    group.permissions.set(perms)


class TradeWatchConfig(AppConfig):
    name = "tradewatch"
    verbose_name = "TradeWatch"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(ensure_editors_group, sender=self)
