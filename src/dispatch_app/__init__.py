"""dispatch-app: the district coordinators' desk for 科技副总 and 科技轻骑队 work."""

__version__ = "0.1.0"
APP_NAME = "dispatch-app"
