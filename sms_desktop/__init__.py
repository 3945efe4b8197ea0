"""SMS Desktop (销售管理系统): an offline desktop sales management system."""

__version__ = "0.1.0"
APP_NAME = "SMS Desktop"
APP_ID = "sms-desktop"
