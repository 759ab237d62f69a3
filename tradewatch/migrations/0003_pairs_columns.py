"""Pairs and sides, step 1: the new columns, nullable until the data is carried over."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("tradewatch", "0002_figure_duplicate_of")]

    operations = [
        migrations.AddField(model_name="figure", name="country_a", field=models.ForeignKey(null=True, blank=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="tradewatch.country")),
        migrations.AddField(model_name="figure", name="country_b", field=models.ForeignKey(null=True, blank=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="tradewatch.country")),
        migrations.AddField(model_name="figure", name="exporter", field=models.ForeignKey(null=True, blank=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="tradewatch.country")),
        migrations.AddField(model_name="figure", name="side", field=models.ForeignKey(null=True, blank=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="tradewatch.country")),
        migrations.AddField(model_name="historicalfigure", name="country_a", field=models.ForeignKey(null=True, blank=True, db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="tradewatch.country")),
        migrations.AddField(model_name="historicalfigure", name="country_b", field=models.ForeignKey(null=True, blank=True, db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="tradewatch.country")),
        migrations.AddField(model_name="historicalfigure", name="exporter", field=models.ForeignKey(null=True, blank=True, db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="tradewatch.country")),
        migrations.AddField(model_name="historicalfigure", name="side", field=models.ForeignKey(null=True, blank=True, db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="tradewatch.country")),
        migrations.AddField(model_name="target", name="country_a", field=models.ForeignKey(null=True, blank=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="tradewatch.country")),
        migrations.AddField(model_name="target", name="country_b", field=models.ForeignKey(null=True, blank=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="tradewatch.country")),
        migrations.AddField(model_name="target", name="exporter", field=models.ForeignKey(null=True, blank=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="tradewatch.country")),
        migrations.AddField(model_name="historicaltarget", name="country_a", field=models.ForeignKey(null=True, blank=True, db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="tradewatch.country")),
        migrations.AddField(model_name="historicaltarget", name="country_b", field=models.ForeignKey(null=True, blank=True, db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="tradewatch.country")),
        migrations.AddField(model_name="historicaltarget", name="exporter", field=models.ForeignKey(null=True, blank=True, db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="tradewatch.country")),
        migrations.AddField(model_name="event", name="country_a", field=models.ForeignKey(null=True, blank=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="tradewatch.country")),
        migrations.AddField(model_name="event", name="country_b", field=models.ForeignKey(null=True, blank=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="tradewatch.country")),
        migrations.AddField(model_name="historicalevent", name="country_a", field=models.ForeignKey(null=True, blank=True, db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="tradewatch.country")),
        migrations.AddField(model_name="historicalevent", name="country_b", field=models.ForeignKey(null=True, blank=True, db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="tradewatch.country")),
        migrations.AddField(model_name="targetstatement", name="side", field=models.ForeignKey(null=True, blank=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="tradewatch.country")),
        migrations.AddField(model_name="figure", name="preferred", field=models.BooleanField(default=False, verbose_name="use for progress")),
        migrations.AddField(model_name="figure", name="preferred_reason", field=models.CharField(blank=True, default="", max_length=300)),
        migrations.AddField(model_name="historicaltargetstatement", name="side", field=models.ForeignKey(null=True, blank=True, db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="tradewatch.country")),
        migrations.AddField(model_name="historicalfigure", name="preferred", field=models.BooleanField(default=False, verbose_name="use for progress")),
        migrations.AddField(model_name="historicalfigure", name="preferred_reason", field=models.CharField(blank=True, default="", max_length=300)),
    ]
