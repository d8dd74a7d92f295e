"""Load realistic, deterministic demo content: the site layer, then every app's generator."""

import random

from django.core.management.base import BaseCommand
from django.db import transaction

from portal import demo
from portal.registry import demo_generators
from portal.roles import setup_roles


class Command(BaseCommand):
    help = "Create or update demo content for a London council housing service (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2020, help="Random seed (default 2020).")
        parser.add_argument(
            "--responses",
            type=int,
            default=300,
            help="How many consultation responses to generate (default 300).",
        )
        parser.add_argument(
            "--skip-translations",
            action="store_true",
            help="Create English content only (faster; for tests).",
        )

    def handle(self, *args, **options):
        rng = random.Random(options["seed"])
        with transaction.atomic():
            home = demo.load_site(rng=rng, options=options, stdout=self.stdout)
            setup_roles()
        for generator in demo_generators():
            self.stdout.write(f"Demo content: {generator.name}")
            with transaction.atomic():
                generator.generate(home=home, rng=rng, options=options, stdout=self.stdout)
        with transaction.atomic():
            demo.load_navigation(home=home, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
