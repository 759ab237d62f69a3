import io

import pytest
from pypdf import PdfReader

from tests.conftest import require_chromium

pytestmark = pytest.mark.django_db


def test_pdf_report_has_pages_target_and_chart(client, seed):
    require_chromium()  # kaleido draws the chart's SVG with Chromium
    response = client.get("/partners/KGZ/report/?format=pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) >= 1
    assert "500" in text and "2030" in text and "15.3%" in text
    assert "USD million" in text  # the chart's axis title, drawn into the PDF as SVG text
