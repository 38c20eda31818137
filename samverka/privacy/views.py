"""The data protection officer's page: the record of processing and the DPIA facts, on screen
and as PDF, for one collaboration (its coordinator, the national lead) or the whole
installation (the national lead)."""

from django.shortcuts import render

from samverka.accounts.roles import Capability
from samverka.lib.pdf import pdf_response, render_pdf
from samverka.orgs.decorators import collaboration_view, national_view
from samverka.privacy.record import processing_record


def _page(request, record, *, collaboration=None):
    return render(
        request,
        "privacy/record.html",
        {"record": record, "collaboration": collaboration},
    )


def _pdf(request, record, filename):
    content = render_pdf("privacy/record_pdf.html", {"record": record}, request=request)
    return pdf_response(content, filename)


@collaboration_view(Capability.VIEW_PROCESSING_RECORD)
def collaboration_record(request, access):
    record = processing_record(collaboration=access.collaboration)
    return _page(request, record, collaboration=access.collaboration)


@collaboration_view(Capability.VIEW_PROCESSING_RECORD)
def collaboration_record_pdf(request, access):
    record = processing_record(collaboration=access.collaboration)
    return _pdf(request, record, f"record-of-processing-{access.collaboration.code}.pdf")


@national_view(Capability.VIEW_PROCESSING_RECORD)
def national_record(request, national):
    return _page(request, processing_record())


@national_view(Capability.VIEW_PROCESSING_RECORD)
def national_record_pdf(request, national):
    return _pdf(request, processing_record(), "record-of-processing.pdf")
