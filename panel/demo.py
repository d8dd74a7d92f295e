"""Demo content for the panel (filled in below)."""


def generate(*, home, rng, options, stdout):
    return None
