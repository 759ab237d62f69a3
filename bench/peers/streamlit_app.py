"""The benchmark chart as a minimal Streamlit app: one st.plotly_chart and nothing else.

Run with `streamlit run bench/peers/streamlit_app.py --server.headless true`.
"""

import json
import os
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st


@st.cache_data
def load_spec(path: str) -> dict:
    return json.loads(Path(path).read_text())


st.plotly_chart(go.Figure(load_spec(os.environ["CHART_SPEC"])))
