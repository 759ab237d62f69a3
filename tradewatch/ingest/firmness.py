"""How binding a target's wording is: a remark, a plan, a signed agreement or a law.

`firmness_of` reads the sentence a target was found in and proposes the strongest firmness
its wording supports (editors confirm it):
  * law: "the law on ...", "ratified", parliament "adopted / passed / approved", a decree, a
    government or cabinet resolution, "has legal force";
  * agreement: an agreement, memorandum, protocol, treaty, roadmap, programme or plan that was
    signed ("signed a roadmap", "the memorandum signed in May", "at the signing of"), "under
    the agreement", an agreement that "came into force";
  * plan: a roadmap, programme, action plan or strategy (not said to be signed), a commission
    that "adopted / approved / decided / agreed", "approved a plan", "a plan ... was adopted",
    "the adoption of plans";
  * remark: anything else ("said", "hopes", "aims", "could", "agreed to", "proposed").
An instrument that is only intended, negated or in preparation gives nothing: "will sign an
agreement", "plan to sign a roadmap", "are preparing a programme", "a draft law", "has not been
ratified", "the treaty to be signed" fall back to whatever else the sentence says (a remark
when nothing).  A spoken "agreement reached" is not a signed one.
"""

from __future__ import annotations

import re

from tradewatch.domain.firmness import ORDER

__all__ = ["FIRMNESS_ORDER", "firmness_of"]

FIRMNESS_ORDER = ORDER  # weakest first; the one list lives in domain/firmness.py

# All patterns run on lower-cased text without IGNORECASE (several times faster in `re`).
_W = r"[^\s,;:]+"  # one word of a filler, never across a comma
_INSTRUMENT = (
    r"(?:agreements?|memorand(?:um|a)|mous?|protocols?|treat(?:y|ies)|road[\s-]?maps?|accords?"
    r"|pacts?|declarations?|conventions?|charters?|ftas?|cepas?"
    r"|(?:trade|free[\s-]trade|economic|partnership|framework)\s+deals?"
    r"|(?:action\s+)?plans?|programmes?|programs?)"
)
_TREATY = (
    r"(?:agreements?|memorand(?:um|a)|mous?|protocols?|treat(?:y|ies)|accords?|pacts?|ftas?"
    r"|cepas?|conventions?)"
)
_PLAN_NOUN = r"(?:plans?|programmes?|programs?|road[\s-]?maps?|strateg(?:y|ies)|concepts?)"
# Words that start another phrase: "signed contracts worth ... and a roadmap" is not a
# signed roadmap, "concluded talks on an agreement" not a concluded one.
_NOT_BETWEEN = r"(?!(?:on|for|to|towards|about|regarding|after|with|worth|and|or|by|at|in)\b)"
_PARLIAMENT = (
    r"(?:parliaments?|national\s+assembly|state\s+duma|duma|senate|congress|majlis|mazhilis"
    r"|verkhovna\s+rada|legislatures?|lawmakers|legislators|deputies|mps"
    r"|house\s+of\s+representatives|federation\s+council|jogorku\s+kenesh|sejm|knesset"
    r"|lok\s+sabha|rajya\s+sabha)"
)
_COMMISSION = (
    r"(?:commissions?|committees?|(?:inter-?governmental|cooperation|high-level)\s+council)"
)
_DECIDED = r"(?:adopted|approved|decided|endorsed|resolved|agreed|set|outlined)"

# Before a noun: it is only intended, drafted, negotiated or denied ("will sign a roadmap",
# "a draft law on", "preparing a programme", "no agreement").  "To implement the roadmap" and
# "trade can grow under the roadmap" leave it standing.
_VOID_BEFORE_NOUN = re.compile(
    r"(?:\b(?:will|would|shall|could|can|may|might|should|must|to|going\s+to)\s+"
    rf"(?:{_W}\s+){{0,2}}?(?:sign|adopt|approve|ratify|pass|enact|conclude|issue|develop|draft"
    r"|prepare|draw\s+up|work\s+out|elaborate|finali[sz]e|agree\s+on|negotiate|discuss"
    r"|consider|launch|introduce|create|formulate|update)"
    r"|\b(?:draft|drafts|drafted|proposed|planned|possible|potential|future|preparing|prepares"
    r"|drafting|developing|negotiating|negotiated|discussing|discussed|considering|considered"
    r"|elaborating|finali[sz]ing|working\s+on|works\s+on|work\s+on|worked\s+on|not|no|never|nor"
    r"|without|pending|awaiting))"
    rf"\s+(?:{_W}\s+){{0,4}}\Z"
)
# Before a past participle (or "adoption of"): "will be signed", "has not yet been ratified",
# "to have adopted", "called for the adoption of".
_VOID_BEFORE_VERB = re.compile(
    r"(?:\b(?:will|would|shall|could|can|may|might|should|must|to|not|never|yet|once|if|unless"
    rf"|until|whether|without|pending|awaiting)|n[’']t)\s+(?:{_W}\s+){{0,2}}\Z"
    r"|\bfor\s+(?:the\s+)?\Z"  # "called for the adoption of", not "the roadmap for 2025 signed"
)
# After a noun: "the roadmap to be signed", "a programme being drafted", "the agreements
# reached" (spoken, not signed).
_VOID_AFTER_NOUN = re.compile(
    r"\s*,?\s*(?:(?:which|that)\s+)?(?:(?:is|are|was|were|has|have|had)\s+)?"
    r"(?:still\s+|now\s+|currently\s+)?"
    r"(?:being\s+(?:prepared|drafted|developed|negotiated|discussed|considered|finali[sz]ed"
    r"|worked\s+out|elaborated|agreed|coordinated)"
    r"|to\s+be\s+(?:signed|adopted|approved|ratified|concluded|drawn\s+up|prepared|developed"
    r"|drafted|finali[sz]ed|considered|discussed|agreed|presented|submitted)"
    r"|(?:will|would|could|should|must|may|might)\s+(?:\w+\s+)?be\s+(?:signed|adopted|approved"
    r"|ratified|concluded|drawn\s+up|prepared|developed|finali[sz]ed|considered|discussed)"
    r"|yet\s+to\b|not\s+(?:yet\s+)?(?:been\s+)?(?:signed|adopted|approved|ratified)\b"
    r"|under\s+(?:discussion|negotiation|preparation|development|consideration|review)"
    r"|in\s+(?:preparation|the\s+works|the\s+pipeline)|expected\s+to\s+be|due\s+to\s+be"
    r"|reached\b|achieved\b)"
)
# "agreed to hold the next session of the commission" is no decision of it.
_COMMISSION_WORDS = ("commission", "commissions", "committee", "committees", "council")
_VOID_IN_COMMISSION = re.compile(r"\b(?:next|upcoming|forthcoming|future|will|to\s+hold)\b")

# (firmness, needles, pattern): a match counts unless the words around its `noun` or `verb`
# group void it (see above).  A rule runs only on text holding one of its needles, which spares
# most sentences the regexes.  Within one firmness the order does not matter.
_RULES: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = tuple(
    (firmness, needles, re.compile(pattern))
    for firmness, needles, pattern in (
        # --- law
        ("law", ("law",), r"\b(?P<noun>laws?)\s+on\b"),
        ("law", ("law",), r"\b(?P<noun>(?:federal|presidential|national)\s+laws?)\b"),
        (
            "law",
            ("law",),
            r"\b(?P<verb>signed)\s+(?:(?:it|them|the\s+\w+|a\s+\w+)\s+)?into\s+law\b",
        ),
        (
            "law",
            ("law", "legislation", "bill ", "bill,", "bills"),
            r"\b(?P<noun>laws?|legislation|bills?)\b(?:[^.;]{0,40}?)"
            r"\b(?P<verb>(?:was|were|has\s+been|have\s+been|had\s+been)\s+"
            r"(?:adopted|passed|enacted|signed))\b",
        ),
        (
            "law",
            ("law", "legislation", "bill ", "bill,", "bills"),
            rf"\b(?P<verb>adopted|passed|enacted)\s+(?:(?:a|the|new)\s+)?(?:{_W}\s+){{0,3}}?"
            r"(?P<noun>laws?|legislation|bills?)\b",
        ),
        ("law", ("ratified",), r"\b(?P<verb>ratified)\b"),
        (
            "law",
            ("ratification",),
            r"\b(?P<verb>exchanged)\s+(?:the\s+)?instruments\s+of\s+ratification\b",
        ),
        (
            "law",
            (
                "parliament",
                "assembly",
                "duma",
                "senate",
                "congress",
                "majlis",
                "mazhilis",
                "rada",
                "legislat",
                "lawmakers",
                "deputies",
                "mps",
                "representatives",
                "council",
                "kenesh",
                "sejm",
                "knesset",
                "sabha",
            ),
            rf"\b(?P<noun>{_PARLIAMENT})\b(?:[^.;]{{0,60}}?)"
            r"\b(?P<verb>adopted|passed|approved|ratified|endorsed|enacted)\b",
        ),
        (
            "law",
            ("parliamentary",),
            r"\b(?P<verb>received|won|obtained|got|gained)\s+(?:\w+\s+)?parliamentary\s+"
            r"(?:approval|ratification)\b",
        ),
        ("law", ("decree",), r"\b(?P<noun>decrees?)\b"),
        (
            "law",
            ("resolution",),
            r"\b(?P<noun>(?:government|governmental|cabinet|presidential|parliamentary)\s+"
            r"resolutions?|resolutions?\s+of\s+the\s+(?:government|cabinet|council\s+of\s+ministers"
            r"|president|parliament))\b",
        ),
        (
            "law",
            ("force",),
            r"\b(?P<verb>has|have|had|with|acquired|acquires|gained|gains|given)\s+(?:the\s+)?"
            r"(?:full\s+)?(?:legal\s+force|force\s+of\s+(?:a\s+)?law)\b",
        ),
        ("law", ("enshrined",), r"\b(?P<verb>enshrined)\s+in\s+(?:the\s+)?(?:law|legislation)\b"),
        # --- agreement
        (
            "agreement",
            ("signed", "inked", "concluded"),
            rf"\b(?P<verb>signed|inked|concluded)\s+(?:{_NOT_BETWEEN}{_W}\s+){{0,6}}?"
            rf"(?P<noun>{_INSTRUMENT})\b",
        ),
        (
            "agreement",
            ("signed", "inked"),  # "Signed in May, the memorandum ..."
            r"^\W*(?P<verb>signed|inked)\b[^;,]{0,40},\s*(?:the|this|that|a|an)\s+"
            rf"(?:{_W}\s+){{0,3}}?(?P<noun>{_INSTRUMENT})\b",
        ),
        (
            "agreement",
            ("signing",),
            r"\b(?:at|during|after|following|upon|since|with)\s+(?:the\s+)?(?P<verb>signing)\s+"
            rf"(?:ceremony\s+)?(?:of\s+)?(?:{_W}\s+){{0,5}}?(?P<noun>{_INSTRUMENT})\b",
        ),
        (
            "agreement",
            ("signed", "inked"),
            rf"\b(?P<noun>{_INSTRUMENT})\b(?:[^.;]{{0,60}}?)\b(?P<verb>signed|inked)\b",
        ),
        (
            "agreement",
            (
                "agreement",
                "memorand",
                "mou",
                "protocol",
                "treat",
                "accord",
                "pact",
                "fta",
                "cepa",
                "convention",
            ),
            r"\b(?:under|in\s+accordance\s+with|in\s+line\s+with|according\s+to|pursuant\s+to"
            r"|as\s+(?:envisaged|stipulated|provided|set\s+out)\s+(?:in|by|under))\s+"
            rf"(?:the|a|this|that|these|those|their|its|an)\s+(?:{_W}\s+){{0,5}}?"
            rf"(?P<noun>{_TREATY})\b",
        ),
        (
            "agreement",
            ("force", "effect"),
            rf"\b(?P<noun>{_TREATY})\b(?:[^.;]{{0,60}}?)"
            r"\b(?P<verb>(?:entered|came)\s+into\s+(?:force|effect)|took\s+effect)\b",
        ),
        # --- plan
        ("plan", ("road",), r"\b(?P<noun>road[\s-]?maps?)\b"),
        (
            "plan",
            ("program",),
            r"(?<!nuclear )(?<!missile )(?<!space )(?<!imf )(?<!loan )"
            r"\b(?P<noun>programmes?|programs?)\b",
        ),
        (
            "plan",
            ("plan", "strateg"),
            r"\b(?P<noun>action\s+plans?|plans?\s+of\s+action|strateg(?:y|ies)"
            r"|[\w]+-year\s+plans?)\b",
        ),
        (
            "plan",
            ("commission", "committee", "council"),
            rf"\b(?P<noun>{_COMMISSION})\b(?:[^;]{{0,100}}?)\b(?P<verb>{_DECIDED})\b",
        ),
        (
            "plan",
            ("commission", "committee", "council"),
            # decided "at / during / by" a commission's session, not "instructed the commission"
            rf"\b(?P<verb>{_DECIDED})\s+(?:[^\s;]+\s+){{0,8}}?(?:at|during|by|within|in)\s+"
            rf"(?:the\s+)?(?:[^\s;]+\s+){{0,6}}?(?P<noun>{_COMMISSION})\b",
        ),
        (
            "plan",
            ("commission", "committee", "council"),
            rf"\b(?P<noun>decisions?|protocols?|resolutions?)\s+of\s+(?:the\s+)?(?:{_W}\s+){{0,4}}?"
            rf"{_COMMISSION}\b",
        ),
        (
            "plan",
            (
                "adopted",
                "approved",
                "endorsed",
                "drew",
                "drawn",
                "worked out",
                "launched",
                "unveiled",
                "agreed",
            ),
            r"\b(?P<verb>adopted|approved|endorsed|drew\s+up|drawn\s+up|worked\s+out|launched"
            r"|unveiled|agreed\s+on|agreed\s+upon)\s+"
            rf"(?:{_NOT_BETWEEN}{_W}\s+){{0,5}}?(?P<noun>{_PLAN_NOUN}|blueprints?)\b",
        ),
        (
            "plan",  # "saw the adoption of ambitious plans"
            ("adoption", "approval", "endorsement"),
            r"\b(?P<verb>adoption|approval|endorsement)\s+of\s+"
            rf"(?:{_NOT_BETWEEN}{_W}\s+){{0,4}}?(?P<noun>{_PLAN_NOUN}|blueprints?)\b",
        ),
        (
            "plan",
            ("adopted", "approved", "endorsed", "drawn", "worked out", "launched"),
            rf"\b(?P<noun>{_PLAN_NOUN}|blueprints?)\b(?:[^.;]{{0,60}}?)"
            r"\b(?P<verb>(?:was|were|has\s+been|have\s+been|had\s+been)\s+"
            r"(?:adopted|approved|endorsed|drawn\s+up|worked\s+out|launched))\b",
        ),
        (
            "plan",
            ("plan", "concept"),
            r"\b(?:under|according\s+to|in\s+accordance\s+with|in\s+line\s+with"
            r"|as\s+(?:envisaged|set\s+out|provided)\s+(?:in|by|under))\s+"
            rf"(?:the|this|that|their|its)\s+(?:{_W}\s+){{0,4}}?(?P<noun>plans?|concepts?)\b",
        ),
        (
            "plan",
            ("plan",),
            rf"\b(?:the|this|that|a|an|their|its)\s+(?:{_W}\s+){{0,3}}?(?P<noun>plan)\s+"
            r"(?:envisages|provides\s+for|calls\s+for|foresees|sets\s+out|stipulates)\b",
        ),
    )
)
_RANK = {firmness: i for i, firmness in enumerate(FIRMNESS_ORDER)}
# Every needle, tested with plain `in` ("bill" alone would hold for every "billion").
_NEEDLES = tuple(sorted({n for _, ns, _ in _RULES for n in ns}))


def _counts(text: str, m: re.Match[str]) -> bool:
    """Whether a match stands: nothing around it says it is only intended, denied or drafted."""
    groups = m.groupdict()
    if groups.get("noun") is not None:
        start = m.start("noun")
        if _VOID_BEFORE_NOUN.search(text[max(0, start - 60) : start]):
            return False
        if _VOID_AFTER_NOUN.match(text, m.end("noun")):
            return False
    if groups.get("verb") is not None:
        start = m.start("verb")
        # in "the roadmap ... signed" only the words between the two may void the signing
        lead = m.end("noun") if groups.get("noun") is not None and m.end("noun") <= start else 0
        if _VOID_BEFORE_VERB.search(text[max(lead, start - 40) : start]):
            return False
    noun = groups.get("noun")
    return not (noun and noun.endswith(_COMMISSION_WORDS) and _VOID_IN_COMMISSION.search(m.group()))


def firmness_of(sentence: str) -> str:
    """The firmness the wording of `sentence` (or a short passage) supports: "remark",
    "plan", "agreement" or "law"; the strongest one that applies."""
    text = sentence.lower()
    present = {n for n in _NEEDLES if n in text}
    best = 0
    for firmness, needles, pattern in _RULES:
        rank = _RANK[firmness]
        if rank <= best or present.isdisjoint(needles):
            continue
        if any(_counts(text, m) for m in pattern.finditer(text)):
            best = rank
            if best == len(FIRMNESS_ORDER) - 1:
                break
    return FIRMNESS_ORDER[best]
