"""关键客户: the Key Accounts tab."""
