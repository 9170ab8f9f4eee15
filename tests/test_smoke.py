from tipkb import FlowFact, extract


def test_extract_returns_cited_facts() -> None:
    text = (
        "Ruritania aside, Moldova is a source country. Moldovan women are forced into prostitution in Turkey."
    )
    facts = extract(text, source="moldova-notes.txt")
    flows = [f for f in facts if isinstance(f, FlowFact)]
    assert [(f.origin, f.destination) for f in flows] == [("MDA", "TUR")]
    for fact in facts:
        assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.text
