"""The respondent's side: the public pages /s/<code> where families and partners answer, without
an account, in their language, one page per section, and send once."""
