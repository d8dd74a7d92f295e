"""What a hostile or careless sender can put in a field."""

from hypothesis import strategies as st

# Text a browser could send (any character but half a surrogate pair, which cannot be encoded
# as UTF-8 at all; raw bytes are sent separately, see ``raw_bodies``).
any_text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=400)

awkward = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "a\x00b",
        "\x07\x1b[2J",
        "\u202eevil",
        "²",
        "①",
        "½",
        "٣",
        "۱۲",
        "১০",
        "１２",
        "-0",
        "9" * 40,
        "1e9",
        "NaN",
        '"',
        "'",
        "' OR 1=1 --",
        "<script>alert(1)</script>",
        "{{ 7*7 }}",
        "%(name)s",
        "x" * 10_001,
        "\r\n" * 300,
        "\ufeff",
        "\uffff",
    ]
)

hostile = awkward | any_text

# Values that may be a list (checkboxes) or one value.
hostile_values = hostile | st.lists(hostile, max_size=5)

# Whole urlencoded bodies: bytes, so invalid UTF-8 and encoded lone surrogates arrive too.
raw_bodies = st.binary(max_size=600) | st.sampled_from(
    [b"q-comments=%ED%A0%80", b"q-how=%FF%FE", b"token=%00&q-years=%C0%AF", b"=&&=="]
)

# Visible text that a resident could well type: no control characters, any script.
typed_text = st.text(
    alphabet=st.characters(exclude_categories=("Cs", "Cc", "Co", "Cn")), min_size=1, max_size=200
)
