<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <source>Build neural networks visually: drag layers onto the canvas, see every shape as you go, export readable PyTorch code and train in the background.</source>
        <translation>可视化地搭建神经网络：把层拖到画布上，随时看到每个张量的形状，导出易读的 PyTorch 代码，并在后台训练。</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new project</source>
        <translation>新建一个项目</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a project file</source>
        <translation>打开项目文件</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Sa&amp;mples</source>
        <translation>示例(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the project under a new name</source>
        <translation>以新文件名保存项目</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Python Code…</source>
        <translation>Python 代码(&amp;P)…</translation>
    </message>
    <message>
        <source>Write the PyTorch code to a .py file</source>
        <translation>把 PyTorch 代码写入 .py 文件</translation>
    </message>
    <message>
        <source>Code with &amp;Training Script…</source>
        <translation>代码和训练脚本(&amp;T)…</translation>
    </message>
    <message>
        <source>Write model.py and a standalone train.py (needs only torch, numpy and scikit-learn; runs under torchrun too) into a folder</source>
        <translation>把 model.py 和独立的 train.py（只需要 torch、numpy 和 scikit-learn，也能用 torchrun 运行）写入一个文件夹</translation>
    </message>
    <message>
        <source>&amp;ONNX…</source>
        <translation>&amp;ONNX…</translation>
    </message>
    <message>
        <source>Write the network of this tab as an ONNX file (with the trained weights, after training)</source>
        <translation>把当前标签页的网络导出为 ONNX 文件（训练后包含训练好的权重）</translation>
    </message>
    <message>
        <source>&amp;Import PyTorch Model…</source>
        <translation>导入 PyTorch 模型(&amp;I)…</translation>
    </message>
    <message>
        <source>Draw an nn.Module from a Python file (runs that file)</source>
        <translation>从 Python 文件中的 nn.Module 画出网络（会运行该文件）</translation>
    </message>
    <message>
        <source>Project &amp;Name…</source>
        <translation>项目名称(&amp;N)…</translation>
    </message>
    <message>
        <source>Rename the project</source>
        <translation>重命名项目</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit designer</source>
        <translation>退出 designer</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>Rename the selected layer</source>
        <translation>重命名选中的层</translation>
    </message>
    <message>
        <source>&amp;Find Layer…</source>
        <translation>查找层(&amp;F)…</translation>
    </message>
    <message>
        <source>Search the layer palette</source>
        <translation>在层面板中搜索</translation>
    </message>
    <message>
        <source>&amp;Group into Block…</source>
        <translation>组合为模块(&amp;G)…</translation>
    </message>
    <message>
        <source>Make the selected layers one reusable block</source>
        <translation>把选中的层组合成一个可复用的模块</translation>
    </message>
    <message>
        <source>&amp;Ungroup Block</source>
        <translation>取消模块组合(&amp;U)</translation>
    </message>
    <message>
        <source>Put the selected block&apos;s layers back in its place</source>
        <translation>把选中模块里的层放回它所在的位置</translation>
    </message>
    <message>
        <source>Make Block Uni&amp;que</source>
        <translation>使模块独立(&amp;Q)</translation>
    </message>
    <message>
        <source>Give the selected use its own copy, so editing it leaves the other uses alone</source>
        <translation>给选中的这处使用一份独立的副本，编辑它不会影响其他使用处</translation>
    </message>
    <message>
        <source>&amp;Open Block Definition</source>
        <translation>打开模块定义(&amp;O)</translation>
    </message>
    <message>
        <source>Edit the selected block&apos;s layers in a tab of their own; every use changes</source>
        <translation>在单独的标签页中编辑选中模块的层；每一处使用都会随之改变</translation>
    </message>
    <message>
        <source>Close Block &amp;Tab</source>
        <translation>关闭模块标签页(&amp;T)</translation>
    </message>
    <message>
        <source>Close the block definition being edited</source>
        <translation>关闭正在编辑的模块定义</translation>
    </message>
    <message>
        <source>Save Block to &amp;Library…</source>
        <translation>保存模块到库(&amp;L)…</translation>
    </message>
    <message>
        <source>Keep the selected block in your library, for every project</source>
        <translation>把选中的模块保存到你的模块库，供所有项目使用</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>Show the whole network</source>
        <translation>显示整个网络</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Snap to Grid</source>
        <translation>对齐网格(&amp;S)</translation>
    </message>
    <message>
        <source>Snap moved layers to the grid</source>
        <translation>移动的层自动对齐到网格</translation>
    </message>
    <message>
        <source>&amp;Tidy Layout</source>
        <translation>整理布局(&amp;T)</translation>
    </message>
    <message>
        <source>Arrange the network left to right</source>
        <translation>把网络从左到右排列整齐</translation>
    </message>
    <message>
        <source>&amp;Light Theme</source>
        <translation>浅色主题(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark Theme</source>
        <translation>深色主题(&amp;D)</translation>
    </message>
    <message>
        <source>La&amp;rger Text</source>
        <translation>放大文字(&amp;R)</translation>
    </message>
    <message>
        <source>Bigger text for presenting</source>
        <translation>演示时使用更大的文字</translation>
    </message>
    <message>
        <source>&amp;Presentation</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen, large high-contrast text, only the canvas (and the plots while training); F11 again to leave</source>
        <translation>全屏、大号高对比度文字，只显示画布（训练时还显示曲线图）；再按 F11 退出</translation>
    </message>
    <message>
        <source>&amp;Highlight Cursor</source>
        <translation>突出显示光标(&amp;H)</translation>
    </message>
    <message>
        <source>A circle around the mouse pointer, for an audience</source>
        <translation>在鼠标指针周围画一个圆圈，方便观众看清</translation>
    </message>
    <message>
        <source>Show &amp;Gradient Colours</source>
        <translation>显示梯度颜色(&amp;G)</translation>
    </message>
    <message>
        <source>Colour each card by its gradient norm after every epoch of a run (blue: vanishing, green: healthy, red: exploding)</source>
        <translation>训练时每个轮次结束后按梯度范数给每张卡片着色（蓝色：梯度消失，绿色：正常，红色：梯度爆炸）</translation>
    </message>
    <message>
        <source>Show Layer &amp;Previews</source>
        <translation>显示层预览(&amp;P)</translation>
    </message>
    <message>
        <source>Draw each card&apos;s output for the chosen sample under it while a model trains (off: runs do not look inside)</source>
        <translation>模型训练时，在每张卡片下方画出所选样本经过该层的输出（关闭时训练不查看网络内部）</translation>
    </message>
    <message>
        <source>Preview &amp;Sample…</source>
        <translation>预览样本(&amp;S)…</translation>
    </message>
    <message>
        <source>Choose the dataset sample that the previews show</source>
        <translation>选择预览中显示的数据集样本</translation>
    </message>
    <message>
        <source>&amp;Inside Panel</source>
        <translation>网络内部面板(&amp;I)</translation>
    </message>
    <message>
        <source>The selected card&apos;s feature maps, filters, attention and the saliency of the chosen sample</source>
        <translation>选中卡片的特征图、卷积核、注意力，以及所选样本的显著性</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Design Workspace</source>
        <translation>设计工作区(&amp;D)</translation>
    </message>
    <message>
        <source>Edit the network: palette, inspector and code around the canvas</source>
        <translation>编辑网络：画布周围是层面板、属性面板和代码</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>设计</translation>
    </message>
    <message>
        <source>T&amp;rain Workspace</source>
        <translation>训练工作区(&amp;R)</translation>
    </message>
    <message>
        <source>Training full width: curves, confusion matrix and previews beside a compact view of the network</source>
        <translation>训练占满宽度：曲线、混淆矩阵和预览，旁边是网络的紧凑视图</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>&amp;Training Panel</source>
        <translation>训练面板(&amp;T)</translation>
    </message>
    <message>
        <source>Show the training panel</source>
        <translation>显示训练面板</translation>
    </message>
    <message>
        <source>Layer &amp;Reference</source>
        <translation>层参考(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;About designer</source>
        <translation>关于 designer(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做 %1(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销 %1(&amp;U)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>designer cannot start: its installation is incomplete. Missing from {0}: {1}. Reinstall designer (pip install --force-reinstall designer, or pip install . in a checkout).</source>
        <extracomment>The interface languages (designer.ui.language.LANGUAGES; kept here so that parsing the arguments loads no Qt).</extracomment>
        <translation>designer 无法启动：安装不完整。{0} 中缺少：{1}。请重新安装 designer（pip install --force-reinstall designer，或在源码目录中运行 pip install .）。</translation>
    </message>
</context>
<context>
    <name>BlockCommands</name>
    <message>
        <source>Group into Block</source>
        <translation>组合为模块</translation>
    </message>
    <message>
        <source>Select the layers to group into a block first.</source>
        <translation>请先选中要组合成模块的层。</translation>
    </message>
    <message>
        <source>Name of the new block:</source>
        <translation>新模块的名称：</translation>
    </message>
    <message>
        <source>Ungroup Block</source>
        <translation>取消模块组合</translation>
    </message>
    <message>
        <source>Make Block Unique</source>
        <translation>使模块独立</translation>
    </message>
    <message>
        <source>yours</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Some blocks of your library could not be read: %1</source>
        <translation>模块库中有些模块无法读取：%1</translation>
    </message>
    <message>
        <source>Save Block to Library</source>
        <translation>保存模块到库</translation>
    </message>
    <message>
        <source>Your library already has a block called %1. Replace it?</source>
        <translation>你的模块库中已有名为 %1 的模块。要替换它吗？</translation>
    </message>
    <message>
        <source>The block could not be saved to %1: %2</source>
        <translation>模块无法保存到 %1：%2</translation>
    </message>
    <message>
        <source>Saved %1 to your block library</source>
        <translation>已把 %1 保存到你的模块库</translation>
    </message>
    <message>
        <source>Select one block on the canvas first.</source>
        <translation>请先在画布上选中一个模块。</translation>
    </message>
    <message>
        <source>Open Block</source>
        <translation>打开模块</translation>
    </message>
</context>
<context>
    <name>ImportModelDialog</name>
    <message>
        <source>Import PyTorch Model</source>
        <translation>导入 PyTorch 模型</translation>
    </message>
    <message>
        <source>a Python file that defines the model</source>
        <translation>定义模型的 Python 文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>A class, or a function that returns the model</source>
        <translation>一个类，或返回模型的函数</translation>
    </message>
    <message>
        <source>One sample shape per input of forward, without the batch, separated by spaces: 1x28x28, or long:16 for 16 token ids</source>
        <translation>forward 的每个输入各写一个样本形状（不含批维度），用空格分隔：例如 1x28x28；16 个词元 id 写作 long:16</translation>
    </message>
    <message>
        <source>Keyword arguments for the model, as JSON</source>
        <translation>模型的关键字参数，JSON 格式</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Input shapes</source>
        <translation>输入形状</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Importing runs the code in this file to build the model. Import only files you trust.</source>
        <translation>导入时会运行此文件中的代码来构建模型。请只导入你信任的文件。</translation>
    </message>
    <message>
        <source>Run and Import</source>
        <translation>运行并导入</translation>
    </message>
    <message>
        <source>Python file with the model</source>
        <translation>包含模型的 Python 文件</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Code copied</source>
        <translation>代码已复制到剪贴板</translation>
    </message>
    <message>
        <source>A model is still training. Stop the training and close?</source>
        <translation>模型仍在训练中。要停止训练并关闭吗？</translation>
    </message>
    <message>
        <source>Could not add the layer</source>
        <translation>无法添加该层</translation>
    </message>
    <message>
        <source>Select one layer to rename it.</source>
        <translation>请选中一个层再重命名。</translation>
    </message>
    <message>
        <source>About designer</source>
        <translation>关于 designer</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Summary — %1</source>
        <translation>概要 — %1</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>问题（%1）</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>属性面板</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
</context>
<context>
    <name>ModelImportFlow</name>
    <message>
        <source>Importing the model (running its file)…</source>
        <translation>正在导入模型（运行其文件）…</translation>
    </message>
    <message>
        <source>Imported {0}</source>
        <translation>已导入 {0}</translation>
    </message>
    <message>
        <source>Could not import the model</source>
        <translation>无法导入模型</translation>
    </message>
</context>
<context>
    <name>ModelImporter</name>
    <message>
        <source>The import could not start: {0}</source>
        <translation>导入无法启动：{0}</translation>
    </message>
    <message>
        <source>The import failed.</source>
        <translation>导入失败。</translation>
    </message>
</context>
<context>
    <name>NetworkTabs</name>
    <message>
        <source>The %1 network</source>
        <translation>网络 %1</translation>
    </message>
    <message>
        <source>The definition of the block %1: a change here changes every use</source>
        <translation>模块 %1 的定义：在这里修改会改变每一处使用</translation>
    </message>
</context>
<context>
    <name>OnnxExportFlow</name>
    <message>
        <source>Cannot export yet</source>
        <translation>暂时无法导出</translation>
    </message>
    <message>
        <source>Export ONNX</source>
        <translation>导出 ONNX</translation>
    </message>
    <message>
        <source>ONNX model (*.onnx)</source>
        <translation>ONNX 模型 (*.onnx)</translation>
    </message>
    <message>
        <source>Exporting {0} as ONNX…</source>
        <translation>正在把 {0} 导出为 ONNX…</translation>
    </message>
    <message>
        <source>Exported {0} with the trained weights</source>
        <translation>已导出 {0}，包含训练好的权重</translation>
    </message>
    <message>
        <source>Exported {0} (fresh weights: train first to export trained ones)</source>
        <translation>已导出 {0}（初始权重：先训练才能导出训练好的权重）</translation>
    </message>
    <message>
        <source>Could not export ONNX</source>
        <translation>无法导出 ONNX</translation>
    </message>
</context>
<context>
    <name>OnnxExporter</name>
    <message>
        <source>The export could not start: {0}</source>
        <translation>导出无法启动：{0}</translation>
    </message>
    <message>
        <source>The export failed.</source>
        <translation>导出失败。</translation>
    </message>
</context>
<context>
    <name>ProjectFiles</name>
    <message>
        <source>Designer projects (*.json);;All files (*)</source>
        <translation>designer 项目 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Python files (*.py);;All files (*)</source>
        <translation>Python 文件 (*.py);;所有文件 (*)</translation>
    </message>
    <message>
        <source>closing</source>
        <extracomment>What the unsaved-changes question names as the next step (&quot;… before closing?&quot;).</extracomment>
        <translation>关闭</translation>
    </message>
    <message>
        <source>starting a new project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>opening another project</source>
        <translation>打开另一个项目</translation>
    </message>
    <message>
        <source>opening a sample</source>
        <translation>打开示例</translation>
    </message>
    <message>
        <source>importing a model</source>
        <translation>导入模型</translation>
    </message>
    <message>
        <source>Save the changes to “%1” before %2?</source>
        <translation>在%2之前保存对“%1”的更改吗？</translation>
    </message>
    <message>
        <source>Your changes will be lost if you don&apos;t save them.</source>
        <translation>如果不保存，你的更改将会丢失。</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Could not open the project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>File not found</source>
        <translation>找不到文件</translation>
    </message>
    <message>
        <source>%1 no longer exists; it was removed from the recent files.</source>
        <translation>%1 已不存在，已从最近打开的文件中移除。</translation>
    </message>
    <message>
        <source>Could not open the sample</source>
        <translation>无法打开示例</translation>
    </message>
    <message>
        <source>Samples missing: {0} is not there; reinstall designer</source>
        <translation>缺少示例：{0} 不存在，请重新安装 designer</translation>
    </message>
    <message>
        <source>Open the sample project %1</source>
        <translation>打开示例项目 %1</translation>
    </message>
    <message>
        <source>Clear Recent Files</source>
        <translation>清除最近打开的文件</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>Could not save the project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <source>{path} was not saved: {reason}</source>
        <translation>{path} 未能保存：{reason}</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Project name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Name (also used for the generated class):</source>
        <translation>名称（也用作生成的类名）：</translation>
    </message>
    <message>
        <source>Could not rename the project</source>
        <translation>无法重命名项目</translation>
    </message>
    <message>
        <source>Cannot export yet</source>
        <translation>暂时无法导出</translation>
    </message>
    <message>
        <source>Export PyTorch code</source>
        <translation>导出 PyTorch 代码</translation>
    </message>
    <message>
        <source>Could not export the code</source>
        <translation>无法导出代码</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>Export model and training script</source>
        <translation>导出模型和训练脚本</translation>
    </message>
    <message>
        <source>%1 already exist in %2. Replace them?</source>
        <translation>%2 中已有 %1。要替换吗？</translation>
    </message>
    <message>
        <source>Cannot write a training script</source>
        <translation>无法生成训练脚本</translation>
    </message>
    <message>
        <source>Could not export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>Exported model.py and train.py to %1</source>
        <translation>已把 model.py 和 train.py 导出到 %1</translation>
    </message>
    <message>
        <source>Autosave failed: {reason}</source>
        <translation>自动保存失败：{reason}</translation>
    </message>
    <message>
        <source>Autosave failed</source>
        <translation>自动保存失败</translation>
    </message>
    <message>
        <source>The recovery copy {file} could not be written: {reason}

Until this is fixed a crash would lose your unsaved changes; save the project to keep them.</source>
        <translation>无法写入恢复副本 {file}：{reason}

在解决这个问题之前，一旦程序崩溃，未保存的更改就会丢失；请保存项目以保留它们。</translation>
    </message>
    <message>
        <source>Autosave works again.</source>
        <translation>自动保存已恢复正常。</translation>
    </message>
    <message>
        <source>an unsaved project</source>
        <translation>一个未保存的项目</translation>
    </message>
    <message>
        <source>designer did not exit cleanly. Unsaved changes to %1 (autosaved %2) can be restored.

Restore them?</source>
        <translation>designer 上次没有正常退出。对 %1 的未保存更改（自动保存于 %2）可以恢复。

要恢复吗？</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>恢复未保存的工作？</translation>
    </message>
    <message>
        <source>An autosaved project could not be read; it was kept as %1</source>
        <translation>一个自动保存的项目无法读取，已保留为 %1</translation>
    </message>
</context>
<context>
    <name>ReadOnlyFile</name>
    <message>
        <source>This project was saved by designer %1, newer than this one (%2). It is open read-only so that the file keeps what this version does not know; use Save As to keep your changes in another file, or update designer.</source>
        <translation>此项目由 designer %1 保存，比当前版本（%2）更新。为了保留当前版本不认识的内容，文件以只读方式打开；请用“另存为”把你的更改保存到另一个文件，或者更新 designer。</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Save the project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>This file is read-only (written by a newer designer): use Save As</source>
        <translation>此文件为只读（由更新版本的 designer 写入）：请使用“另存为”</translation>
    </message>
</context>
<context>
    <name>Samples</name>
    <message>
        <source>Autoencoder</source>
        <translation>自编码器</translation>
    </message>
    <message>
        <source>CNN MNIST</source>
        <translation>CNN（MNIST 手写数字）</translation>
    </message>
    <message>
        <source>GAN</source>
        <translation>生成对抗网络（GAN）</translation>
    </message>
    <message>
        <source>Inception</source>
        <translation>Inception</translation>
    </message>
    <message>
        <source>Stacked LSTM</source>
        <translation>堆叠 LSTM</translation>
    </message>
    <message>
        <source>MLP</source>
        <translation>多层感知机（MLP）</translation>
    </message>
    <message>
        <source>Moons</source>
        <translation>双月牙（Moons）</translation>
    </message>
    <message>
        <source>ResNet</source>
        <translation>ResNet</translation>
    </message>
    <message>
        <source>ResNet block</source>
        <translation>ResNet 残差模块</translation>
    </message>
    <message>
        <source>Simple RNN</source>
        <translation>简单 RNN</translation>
    </message>
    <message>
        <source>Transformer</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <source>VAE</source>
        <translation>变分自编码器（VAE）</translation>
    </message>
    <message>
        <source>Vanishing gradients</source>
        <translation>梯度消失</translation>
    </message>
</context>
<context>
    <name>StatusReadouts</name>
    <message>
        <source>No problems</source>
        <translation>没有问题</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Parameters: %1</source>
        <translation>参数量：%1</translation>
    </message>
    <message>
        <source>%1 trainable parameters in the project</source>
        <translation>项目中共有 %1 个可训练参数</translation>
    </message>
    <message>
        <source>MACs: %1</source>
        <translation>乘加运算：%1</translation>
    </message>
    <message>
        <source>%1 multiply-accumulates per sample</source>
        <translation>每个样本 %1 次乘加运算</translation>
    </message>
    <message>
        <source>Show the problems</source>
        <translation>显示问题</translation>
    </message>
    <message>
        <source>Zoom %1%</source>
        <translation>缩放 %1%</translation>
    </message>
</context>
<context>
    <name>UndoSteps</name>
    <message>
        <source>Tidy layout</source>
        <translation>整理布局</translation>
    </message>
    <message>
        <source>Change training settings</source>
        <translation>修改训练设置</translation>
    </message>
    <message>
        <source>Change dataset</source>
        <translation>修改数据集</translation>
    </message>
    <message>
        <source>Connect %1 → %2</source>
        <translation>连接 %1 → %2</translation>
    </message>
    <message>
        <source>Disconnect %1 → %2</source>
        <translation>断开 %1 → %2</translation>
    </message>
    <message>
        <source>Disconnect %1</source>
        <translation>断开 %1 的连线</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Cut %1</source>
        <translation>剪切 %1</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>移动 %1</translation>
    </message>
    <message>
        <source>Paste %1</source>
        <translation>粘贴 %1</translation>
    </message>
    <message>
        <source>Duplicate %1</source>
        <translation>创建 %1 的副本</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>剪切</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <source>Add block %1</source>
        <translation>添加模块 %1</translation>
    </message>
    <message>
        <source>Add %1 from the library</source>
        <translation>从模块库添加 %1</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation>修改 %2 的 %1</translation>
    </message>
    <message>
        <source>Rename project to %1</source>
        <translation>把项目重命名为 %1</translation>
    </message>
    <message>
        <source>Rename block %1 to %2</source>
        <translation>把模块 %1 重命名为 %2</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>把 %1 重命名为 %2</translation>
    </message>
    <message>
        <source>Ungroup %1</source>
        <translation>取消组合 %1</translation>
    </message>
    <message>
        <source>Make %1 unique as %2</source>
        <translation>把 %1 独立为 %2</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n item(s)</source>
        <translation>
            <numerusform>删除 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n layer(s)</source>
        <translation>
            <numerusform>删除 %n 个层</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cut %n layer(s)</source>
        <translation>
            <numerusform>剪切 %n 个层</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n layer(s)</source>
        <translation>
            <numerusform>移动 %n 个层</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n layer(s)</source>
        <translation>
            <numerusform>粘贴 %n 个层</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n layer(s)</source>
        <translation>
            <numerusform>创建 %n 个层的副本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Group %n layer(s) into %1</source>
        <translation>
            <numerusform>把 %n 个层组合为 %1</numerusform>
        </translation>
    </message>
</context>
</TS>
