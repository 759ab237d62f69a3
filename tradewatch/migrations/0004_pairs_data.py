"""Pairs and sides, step 2: every ISO 3166 country, and each fact's pair, flow and side.

reporter/partner become the pair in alphabetical order; "exports" (of the reporter) and
"imports" (of the reporter) become the exports of the exporting country; the reporter, the
country the extractor or editor named as stating the fact, becomes its side. History rows
are carried over the same way, so no past version loses its countries.
"""

import pycountry
from babel import Locale
from django.conf import settings
from django.db import migrations


def display_name(record) -> str:
    """CLDR's short English name ("Russia", "Brunei"), spelled out ("and", not "&"), unless it
    disambiguates with a dash or a suffix ("Congo - Kinshasa", "Hong Kong SAR China")."""
    cldr = Locale("en").territories.get(record.alpha_2, "")
    if cldr and " - " not in cldr and "SAR" not in cldr:
        return cldr.replace(" & ", " and ")
    if " - " in cldr:  # the two Congos; CLDR and ISO both lack a plain short name for one
        return getattr(record, "official_name", "Democratic Republic of the Congo")
    return getattr(record, "common_name", record.name)


def load_countries(apps, schema_editor) -> None:
    Country = apps.get_model("tradewatch", "Country")
    known = set(Country.objects.values_list("pk", flat=True))
    Country.objects.bulk_create(
        Country(iso3=c.alpha_3, name=display_name(c))
        for c in pycountry.countries
        if c.alpha_3 not in known
    )


def carry_over(row, home: str) -> None:
    reporter = getattr(row, "reporter_id", None) or home
    partner = row.partner_id
    row.country_a_id, row.country_b_id = sorted((reporter, partner))
    flow = getattr(row, "flow", None)
    if flow == "exports":
        row.exporter_id = reporter
    elif flow == "imports":
        row.flow, row.exporter_id = "exports", partner


def pairs_and_sides(apps, schema_editor) -> None:
    home = settings.TRADEWATCH_HOME
    for prefix in ("", "Historical"):
        for name in ("Figure", "Target", "Event"):
            model = apps.get_model("tradewatch", prefix + name)
            fields = ["country_a", "country_b"]
            if name != "Event":
                fields += ["flow", "exporter"]
            if name == "Figure":
                fields.append("side")
            rows = list(model.objects.all())
            for row in rows:
                carry_over(row, home)
                if name == "Figure":
                    row.side_id = row.reporter_id
            model.objects.bulk_update(rows, fields, batch_size=500)
        Statement = apps.get_model("tradewatch", prefix + "TargetStatement")
        Target = apps.get_model("tradewatch", "Target")
        reporters = dict(Target.objects.values_list("pk", "reporter_id"))
        rows = list(Statement.objects.all())
        for row in rows:
            row.side_id = reporters.get(row.target_id)
        Statement.objects.bulk_update(rows, ["side"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("tradewatch", "0003_pairs_columns")]

    operations = [
        migrations.RunPython(load_countries, migrations.RunPython.noop),
        migrations.RunPython(pairs_and_sides, migrations.RunPython.noop),
    ]
