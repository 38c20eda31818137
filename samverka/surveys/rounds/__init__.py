"""Survey rounds: a published version asked in one collaboration between two dates, in chosen
languages, through public links (/s/<code>) shared as a link or a printed poster."""
