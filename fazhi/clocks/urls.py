from __future__ import annotations

from django.urls import path

from fazhi.clocks import views

app_name = "clocks"
urlpatterns = [
    path("", views.board_page, name="board"),
    path("board.json", views.board_json, name="board_json"),
]
