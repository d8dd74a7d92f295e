"""Reading responses for staff: results, breakdowns, free text and theme coding.

``questions`` lists a consultation's questions across survey versions, ``results`` aggregates
answers (each option counted on its own, never combinations), ``freetext`` lists free-text
answers with search and theme counts, and ``services`` holds the analysts' writes. ``views``
are the analysts' admin screens, registered as one admin viewset (``viewsets``).
"""
