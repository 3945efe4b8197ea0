"""业绩管理: targets, attainment and pace, leaderboard and scorecards, commissions."""
