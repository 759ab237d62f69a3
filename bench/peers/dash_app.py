"""The benchmark chart as a minimal Dash app: one dcc.Graph and nothing else.

Served with gunicorn (`gunicorn bench.peers.dash_app:server`), as Dash's deployment docs do,
with `compress=True` so Flask gzips responses like a production Dash app would.
"""

import json
import os
from pathlib import Path

import plotly.graph_objects as go
from dash import Dash, dcc, html

spec = json.loads(Path(os.environ["CHART_SPEC"]).read_text())

app = Dash(__name__, compress=True, title="Chart")
app.layout = html.Div([dcc.Graph(figure=go.Figure(spec))])
server = app.server
