"""Full-text search over text people write (lessons, knowledge-bank items …).

On PostgreSQL it is real full-text search with the Swedish configuration, so a word finds its
other inflections ("föräldrar" finds "föräldrarna", "barnens" finds "barn") and results come
best first. On SQLite (laptops, the demo) every word of the query must occur in one of the
fields, case-insensitively: simpler, and still finds longer forms of a word.

    lessons = text_search(Lesson.objects.all(), ["title", "text"], request.GET.get("q", ""))
"""

from collections.abc import Sequence
from functools import reduce
from operator import and_, or_

from django.db import connection
from django.db.models import Q, QuerySet

SEARCH_CONFIG = "swedish"


def text_search(
    queryset: QuerySet, fields: Sequence[str], query: str, *, config: str = SEARCH_CONFIG
) -> QuerySet:
    """`queryset` narrowed to rows matching `query` in any of `fields`; all rows if empty."""
    query = " ".join((query or "").split())[:200]
    if not query:
        return queryset
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = SearchVector(*fields, config=config)
        wanted = SearchQuery(query, config=config, search_type="websearch")
        return (
            queryset.annotate(search_vector=vector, search_rank=SearchRank(vector, wanted))
            .filter(search_vector=wanted)
            .order_by("-search_rank", *queryset.query.order_by)
        )
    words = [w.strip('"') for w in query.split() if w.strip('"') and w.lower() not in {"or", "-"}]
    each_word = [reduce(or_, (Q(**{f"{f}__icontains": w}) for f in fields)) for w in words]
    return queryset.filter(reduce(and_, each_word)) if each_word else queryset
