"""The researchers' workbench: research projects, pseudonymised datasets, qualitative coding
and the REFI-QDA exchange.

Every research access goes through a project (`projects/`): its ethical approval, period,
researchers and the collaborations it includes, each inclusion approved (and revocable) by
that collaboration's coordinator or the national lead. Project pages run in the tenant scope of
exactly the approved inclusions (`access.research_view`), so a revoked collaboration's rows
leave every page and the next export at once. Workflows:

- `projects/`: projects, researchers, inclusions and the project's access log;
- `codebook/`: the built-in codebook from the research report and each project's code tree;
- `sources/`: transcripts, field notes and free-text survey answers, coding of text
  selections, memos, retrieval per code and co-occurrence;
- `datasets/`: pseudonymised participant-level datasets with k-anonymity, as CSV, XLSX and SPSS;
- `refiqda/`: `.qdpx` projects and `.qdc` codebooks in and out (REFI-QDA 1.5).
"""
