from . import payments  # noqa: F401  (payment-location routes on the same /api/v1 blueprint)
from .views import bp

__all__ = ["bp"]
