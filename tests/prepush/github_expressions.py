"""Evaluates the GitHub Actions expressions (`${{ ... }}`) the CI examples use, against a context
a test builds (github.event_name, github.event..., inputs...), so that a check can ask what a
workflow does for a given event instead of matching its text. The subset: context paths, string
and number literals, true/false/null, ! == != && || ( ), format(), and the status functions
(always() and success() true, failure() and cancelled() false: every earlier step passed).
Anything else raises ValueError, so an expression the checks cannot follow is reported instead of
guessed."""
import re

_TOKEN = re.compile(r"\s*(?:(?P<string>'(?:[^']|'')*')|(?P<number>\d+(?:\.\d+)?)"
                    r"|(?P<op>==|!=|&&|\|\||[!(),])|(?P<path>[A-Za-z_][\w.-]*))")


def _tokens(text):
    position, tokens = 0, []
    text = text.rstrip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match:
            raise ValueError(f"cannot read the expression at: {text[position:]!r}")
        kind = match.lastgroup
        tokens.append((kind, match.group(kind)))
        position = match.end()
    return tokens


def _truthy(value):
    return value not in (None, False, 0, "")


def _lookup(context, path):
    if path in ("true", "false", "null"):
        return {"true": True, "false": False, "null": None}[path]
    value = context
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _equal(a, b):
    if isinstance(a, str) and isinstance(b, str):
        return a.lower() == b.lower()  # GitHub compares strings ignoring case
    return a == b


class _Parser:
    def __init__(self, text, context):
        self.tokens, self.at, self.context = _tokens(text), 0, context

    def peek(self):
        return self.tokens[self.at][1] if self.at < len(self.tokens) else None

    def take(self, expected=None):
        if self.at >= len(self.tokens) or (expected and self.tokens[self.at][1] != expected):
            raise ValueError(f"expected {expected or 'more'} at token {self.at}")
        self.at += 1
        return self.tokens[self.at - 1]

    def parse(self):
        value = self.either()
        if self.at != len(self.tokens):
            raise ValueError(f"unexpected {self.peek()!r}")
        return value

    def either(self):
        value = self.both()
        while self.peek() == "||":
            self.take()
            other = self.both()
            value = value if _truthy(value) else other
        return value

    def both(self):
        value = self.comparison()
        while self.peek() == "&&":
            self.take()
            other = self.comparison()
            value = other if _truthy(value) else value
        return value

    def comparison(self):
        value = self.unary()
        while self.peek() in ("==", "!="):
            op = self.take()[1]
            other = self.unary()
            value = _equal(value, other) == (op == "==")
        return value

    def unary(self):
        if self.peek() == "!":
            self.take()
            return not _truthy(self.unary())
        return self.primary()

    def primary(self):
        kind, text = self.take()
        if text == "(":
            value = self.either()
            self.take(")")
            return value
        if kind == "string":
            return text[1:-1].replace("''", "'")
        if kind == "number":
            return float(text) if "." in text else int(text)
        if kind == "path" and self.peek() == "(":
            return self.call(text)
        if kind == "path":
            return _lookup(self.context, text)
        raise ValueError(f"unexpected {text!r}")

    def call(self, name):
        # The status functions of a step's `if:`, for a run in which every earlier step passed.
        status = {"always": True, "success": True, "failure": False, "cancelled": False}
        if name in status:
            self.take("(")
            self.take(")")
            return status[name]
        if name != "format":
            raise ValueError(f"function {name}() is not supported by the checks")
        self.take("(")
        args = [self.either()]
        while self.peek() == ",":
            self.take()
            args.append(self.either())
        self.take(")")
        text = args[0]
        for i, arg in enumerate(args[1:]):
            text = text.replace(f"{{{i}}}", "" if arg is None else str(arg))
        return text


def evaluate(value, context):
    """`value` with every `${{ ... }}` replaced by its result (a whole-expression value keeps its
    type: a bare `${{ x == 'y' }}` gives a bool)."""
    if not isinstance(value, str):
        return value
    whole = re.fullmatch(r"\s*\$\{\{(.*?)\}\}\s*", value, re.S)
    if whole:
        return _Parser(whole.group(1), context).parse()
    return re.sub(r"\$\{\{(.*?)\}\}", lambda m: str(_Parser(m.group(1), context).parse()), value,
                  flags=re.S)
