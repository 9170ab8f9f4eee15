"""Analysis over the knowledge base: the flow network, what changed in a year, and answers to questions.

``ask(store, question)`` answers a question in English from the stored facts, with the sentences that
support it; ``network_report`` and ``changes`` need networkx only for the network (``tipkb[analysis]``).
"""

from tipkb.analysis.ask import Answer, ask
from tipkb.analysis.changes import Changes, changes
from tipkb.analysis.network import NetworkReport, flow_graph, network_report

__all__ = ["Answer", "Changes", "NetworkReport", "ask", "changes", "flow_graph", "network_report"]
