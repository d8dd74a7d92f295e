from django.urls import path

from portal.alerts import views

app_name = "alerts"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("check-your-email/", views.check_email, name="check_email"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("manage/<str:token>/", views.manage, name="manage"),
    path("stop/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("stopped/", views.unsubscribed, name="unsubscribed"),
]
