"""Error pages: localized and as accessible as every other page; JSON for the API."""
from __future__ import annotations

from flask import Flask, jsonify, make_response, render_template, request
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException

MESSAGES = {
    400: (_l("Sorry, there is a problem with your request"),
          _l("The address or the information sent could not be understood. Check it and try again.")),
    403: (_l("You cannot see this page"), _l("You do not have permission to see this page.")),
    404: (_l("Page not found"),
          _l("If you typed the web address, check it is correct. If you pasted it, check you copied the whole address.")),
    405: (_l("Sorry, this action is not possible"),
          _l("This page cannot be used in that way. Go back and try again.")),
    413: (_l("What you sent is too large"), _l("Send a smaller file or less text.")),
    429: (_l("Too many requests"), _l("Wait a minute, then try again.")),
    500: (_l("Sorry, there is a problem with the service"),
          _l("Try again later. If you need help now, call the City Office.")),
}


def _render(code: int, valid_methods=None):
    title, message = MESSAGES.get(code, MESSAGES[500] if code >= 500 else MESSAGES[400])
    if request.path.startswith("/api/"):
        response = jsonify(error={"status": code, "title": str(title), "detail": str(message)})
    else:
        response = make_response(render_template("errors/error.html", error_title=title,
                                                 error_message=message))
    response.status_code = code
    if valid_methods:
        response.headers["Allow"] = ", ".join(sorted(valid_methods))
    return response


def init_app(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def _http(error: HTTPException):
        return _render(error.code or 500, getattr(error, "valid_methods", None))

    @app.errorhandler(Exception)
    def _unexpected(error: Exception):
        app.logger.exception("Unhandled error")
        return _render(500)
