from __future__ import annotations

from django.urls import path

from fazhi.reports import desk_views, pdf_views, unit_views, views

app_name = "reports"
urlpatterns = [
    path("", views.report_list, name="list"),
    path("draft/", views.draft_view, name="draft"),
    path("review/", desk_views.review_desk, name="review_desk"),
    path("units/", unit_views.tracker_page, name="tracker"),
    path("units/remind/", unit_views.remind, name="remind"),
    path("units/compare/", unit_views.compare_page, name="compare"),
    path("upload/", unit_views.upload_view, name="upload"),
    path("<int:pk>/file/", unit_views.uploaded_file, name="uploaded_file"),
    path("review/<int:pk>/", desk_views.desk_job, name="review_desk_job"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/header/", views.header, name="header"),
    path("<int:pk>/part/<int:number>/", views.part_view, name="part"),
    path("<int:pk>/part/<int:number>/edit/", views.part_edit, name="part_edit"),
    path("<int:pk>/figures/", views.figure_choices, name="figure_choices"),
    path("<int:pk>/do/<str:action>/", views.transition, name="transition"),
    path("<int:pk>/download.<str:fmt>", views.download, name="download"),
    path("<int:pk>/pdf/", pdf_views.pdf_start, name="pdf_start"),
    path("<int:pk>/pdf/<int:rid>/", pdf_views.pdf_status, name="pdf_status"),
    path("<int:pk>/pdf/<int:rid>/file/", pdf_views.pdf_file, name="pdf_file"),
    path("public/<str:code>/<int:year>/", views.public, name="public"),
    path("public/r/<int:pk>/", views.public_unit, name="public_unit"),
]
