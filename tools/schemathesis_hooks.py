"""schemathesis hooks for `npm run test:contract` (tools/schemathesis.mjs sets SCHEMATHESIS_HOOKS).

An Idempotency-Key names one request: the same key with another method, path or body is refused
with 422 REQUEST.IDEMPOTENCY_KEY_REUSED for as long as the key is remembered (the command id, and
so the event ids, derive from the key). That is state, not a form a JSON Schema can state, and the
generators draw the same few keys for thousands of different requests (the documented example in
every operation's examples phase, boundary values in the coverage phase), so almost every command
was refused for its key rather than tried on its data ("schema validation mismatch").

So a key that has the documented form is tied to the request it is sent with, the way a client
makes its keys: the same request keeps the same key (a repeated case is a retry and answers as
one), a different request gets a different key. Only positive cases are changed: a negative case
tests what it mutated (a malformed key, a missing header), and a changed case is re-classified.
"""

import hashlib
import json
import re

import schemathesis
from schemathesis.generation.modes import GenerationMode

KEY = "Idempotency-Key"
# contracts/src/common.schemas.ts IdempotencyKeyHeader: 1-200 visible ASCII characters.
KEY_FORM = re.compile(r"[\x21-\x7E]{1,200}")
DIGEST_LENGTH = 16


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    if case.meta is None or case.meta.generation.mode is not GenerationMode.POSITIVE:
        return
    headers = case.headers
    key = headers.get(KEY) if headers else None
    if not isinstance(key, str) or not KEY_FORM.fullmatch(key):
        return
    request = [case.method.upper(), case.path, case.path_parameters, case.query, case.body]
    # Keys in the order they are sent: the API's fingerprint is of the body as sent, so the same
    # fields in another order are another request.
    digest = hashlib.sha256(json.dumps([key, request], default=repr).encode()).hexdigest()
    # Still the documented form: at most 200 characters, all visible ASCII.
    headers[KEY] = f"{key[: 200 - DIGEST_LENGTH - 1]}.{digest[:DIGEST_LENGTH]}"
