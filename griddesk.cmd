@echo off
rem GridDesk 网格指挥台 - launcher for a source checkout on Windows: griddesk [command] [options]
rem Builds the jar when it is missing, then runs it on JDK 25 (JAVA_HOME) with JavaFX on the module path.
setlocal
set "HERE=%~dp0"
if "%JAVA_HOME%"=="" (
  echo griddesk: set JAVA_HOME to a JDK 25 / 请将 JAVA_HOME 设置为 JDK 25
  exit /b 1
)
if not exist "%HERE%target\griddesk.jar" (
  call "%HERE%mvnw.cmd" -q -B -DskipTests package || exit /b 1
)
"%JAVA_HOME%\bin\java" "@%HERE%src\main\jvm\griddesk.options" --enable-native-access=javafx.graphics,ALL-UNNAMED --module-path "%HERE%target\javafx" --add-modules javafx.controls,javafx.fxml -cp "%HERE%target\griddesk.jar;%HERE%target\lib\*" org.griddesk.app.Main %*
