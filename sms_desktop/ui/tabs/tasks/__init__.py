"""任务与活动: the Tasks tab."""
