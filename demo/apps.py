from django.apps import AppConfig


class DemoConfig(AppConfig):
    # No models: the app only carries the load_demo command and its data.
    name = "demo"
