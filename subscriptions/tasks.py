from django_tasks import task

from . import services


@task()
def send_subscription_mail():
    """Record newly public articles and mail what is due (run every minute)."""
    return services.sweep()
