<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ConfusionMatrixView</name>
    <message>
        <source>true class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <source>The confusion matrix appears after the first epoch.</source>
        <translation>第一轮训练结束后，这里会显示混淆矩阵。</translation>
    </message>
    <message>
        <source>{0} of {1} validation samples right ({2}). Hardest class: {3} ({4} right).</source>
        <translation>{1} 个验证样本中预测正确 {0} 个（{2}）。最难的类别：{3}（正确率 {4}）。</translation>
    </message>
</context>
<context>
    <name>Dataset</name>
    <message>
        <source>1,797 real handwritten digits from scikit-learn, 1×8×8 pixels in [0, 1], classes 0-9.</source>
        <translation>来自 scikit-learn 的 1,797 张真实手写数字图像，1×8×8 像素，取值在 [0, 1] 之间，类别为 0–9。</translation>
    </message>
    <message>
        <source>A .npz archive with arrays x and y, or x_train, y_train and optionally x_test, y_test.</source>
        <translation>一个 .npz 压缩包，内含数组 x 和 y，或 x_train、y_train（以及可选的 x_test、y_test）。</translation>
    </message>
    <message>
        <source>A CSV file with a header row; one column holds the labels, the others are features.</source>
        <translation>带表头行的 CSV 文件：其中一列是标签，其余各列是特征。</translation>
    </message>
    <message>
        <source>A folder holding train-images-idx3-ubyte and train-labels-idx1-ubyte (raw or .gz), and optionally the t10k-* test files.</source>
        <translation>包含 train-images-idx3-ubyte 和 train-labels-idx1-ubyte（原始文件或 .gz）的文件夹，可选地还包含 t10k-* 测试文件。</translation>
    </message>
    <message>
        <source>A folder with one sub-folder of images (PNG, JPEG, …) per class.</source>
        <translation>一个文件夹，每个类别一个子文件夹，其中放该类别的图像（PNG、JPEG 等）。</translation>
    </message>
    <message>
        <source>A polynomial of the chosen degree with roots spread over [-0.8, 0.8], plus noise: one input, one target.</source>
        <translation>指定次数的多项式，其根分布在 [-0.8, 0.8] 上，再加上噪声：一个输入，一个目标值。</translation>
    </message>
    <message>
        <source>A small circle inside a large one in 2-D; no straight line separates them.</source>
        <translation>二维平面上一个小圆套在一个大圆里；任何直线都无法把它们分开。</translation>
    </message>
    <message>
        <source>CIFAR-10 (binary version)</source>
        <translation>CIFAR-10（二进制版本）</translation>
    </message>
    <message>
        <source>Circles</source>
        <translation>同心圆</translation>
    </message>
    <message>
        <source>Class names</source>
        <translation>类别名称</translation>
    </message>
    <message>
        <source>Color</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Degree</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Degree of the polynomial</source>
        <translation>多项式的次数</translation>
    </message>
    <message>
        <source>Digits 28×28 (MNIST-shaped)</source>
        <translation>手写数字 28×28（MNIST 形状）</translation>
    </message>
    <message>
        <source>Digits 8×8</source>
        <translation>手写数字 8×8</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>半径比</translation>
    </message>
    <message>
        <source>Gaussian blobs</source>
        <translation>高斯簇</translation>
    </message>
    <message>
        <source>Gaussian clusters, one per class.</source>
        <translation>若干高斯分布的点簇，每个类别一簇。</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>预测步数</translation>
    </message>
    <message>
        <source>How many samples to make</source>
        <translation>要生成的样本数</translation>
    </message>
    <message>
        <source>How often each arm winds round</source>
        <translation>每条旋臂绕的圈数</translation>
    </message>
    <message>
        <source>Image folder</source>
        <translation>图像文件夹</translation>
    </message>
    <message>
        <source>Images are resized to size×size</source>
        <translation>图像会缩放为 尺寸×尺寸</translation>
    </message>
    <message>
        <source>Inner radius relative to the outer one</source>
        <translation>内圆半径与外圆半径之比</translation>
    </message>
    <message>
        <source>Interleaved spiral arms in 2-D, one per class; needs a deeper network.</source>
        <translation>二维平面上相互交错的螺旋臂，每个类别一条；需要更深的网络。</translation>
    </message>
    <message>
        <source>Label column</source>
        <translation>标签列</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>排列方式</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>MNIST / Fashion-MNIST (IDX files)</source>
        <translation>MNIST / Fashion-MNIST（IDX 文件）</translation>
    </message>
    <message>
        <source>Majority token</source>
        <translation>多数词元</translation>
    </message>
    <message>
        <source>N classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <source>N features</source>
        <translation>特征数</translation>
    </message>
    <message>
        <source>N samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Name or number (0 = first, -1 = last) of the label column; empty: a column named label/target/class/y, else the last</source>
        <translation>标签列的列名或序号（0 = 第一列，-1 = 最后一列）；留空时使用名为 label/target/class/y 的列，没有则用最后一列</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>NumPy arrays (.npz)</source>
        <translation>NumPy 数组（.npz）</translation>
    </message>
    <message>
        <source>Number of arms (classes)</source>
        <translation>旋臂数（类别数）</translation>
    </message>
    <message>
        <source>Number of clusters</source>
        <translation>簇的数量</translation>
    </message>
    <message>
        <source>Number of different tokens</source>
        <translation>不同词元的数量</translation>
    </message>
    <message>
        <source>Number of input features</source>
        <translation>输入特征的数量</translation>
    </message>
    <message>
        <source>Optional comma-separated class names, e.g. for Fashion-MNIST</source>
        <translation>可选：用逗号分隔的类别名称，例如用于 Fashion-MNIST</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Periods</source>
        <translation>周期数</translation>
    </message>
    <message>
        <source>Points in the square [-1, 1]²; class 1 where the two coordinates have opposite signs. No single neuron can separate it.</source>
        <translation>正方形 [-1, 1]² 中的点；两个坐标符号相反的点属于类别 1。单个神经元无法把它们分开。</translation>
    </message>
    <message>
        <source>Polynomial</source>
        <translation>多项式</translation>
    </message>
    <message>
        <source>Same seed, same data: change it for a new draw</source>
        <translation>种子相同，数据就相同：换一个种子可重新抽取</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Sequences of token ids; the class is the token that appears most often (never a tie).</source>
        <translation>词元 ID 序列；类别是出现次数最多的那个词元（不会出现并列）。</translation>
    </message>
    <message>
        <source>Sequences of token ids; the class says whether they are in ascending order. Half are sorted.</source>
        <translation>词元 ID 序列；类别表示序列是否按升序排列。一半的序列是有序的。</translation>
    </message>
    <message>
        <source>Sine curve</source>
        <translation>正弦曲线</translation>
    </message>
    <message>
        <source>Sine forecasting</source>
        <translation>正弦序列预测</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Sorted or not</source>
        <translation>是否有序</translation>
    </message>
    <message>
        <source>Spirals</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>Spread (standard deviation) of each cluster</source>
        <translation>每个簇的分散程度（标准差）</translation>
    </message>
    <message>
        <source>Standard deviation of the Gaussian noise added</source>
        <translation>所加高斯噪声的标准差</translation>
    </message>
    <message>
        <source>Steps ahead to predict</source>
        <translation>要向后预测的步数</translation>
    </message>
    <message>
        <source>Steps the model sees</source>
        <translation>模型能看到的步数</translation>
    </message>
    <message>
        <source>Table (CSV)</source>
        <translation>表格（CSV）</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>The .csv file</source>
        <translation>.csv 文件</translation>
    </message>
    <message>
        <source>The .npz file</source>
        <translation>.npz 文件</translation>
    </message>
    <message>
        <source>The cifar-10-batches-bin folder</source>
        <translation>cifar-10-batches-bin 文件夹</translation>
    </message>
    <message>
        <source>The cifar-10-batches-bin folder: data_batch_1..5.bin and test_batch.bin.</source>
        <translation>cifar-10-batches-bin 文件夹：包含 data_batch_1..5.bin 和 test_batch.bin。</translation>
    </message>
    <message>
        <source>The folder holding one sub-folder per class</source>
        <translation>每个类别各有一个子文件夹的那个文件夹</translation>
    </message>
    <message>
        <source>The folder holding the IDX files</source>
        <translation>存放 IDX 文件的文件夹</translation>
    </message>
    <message>
        <source>The same digits scaled into a 20×20 box centred in 28×28, as in MNIST, so MNIST models run unchanged.</source>
        <translation>同样的手写数字，像 MNIST 一样缩放到 20×20 的方框并居中放在 28×28 的图像里，因此 MNIST 的模型无需修改即可运行。</translation>
    </message>
    <message>
        <source>Tokens per sequence</source>
        <translation>每个序列的词元数</translation>
    </message>
    <message>
        <source>Turns</source>
        <translation>圈数</translation>
    </message>
    <message>
        <source>Two interleaving half circles in 2-D; a curved boundary separates them.</source>
        <translation>二维平面上两个相互交错的半圆；需要一条弯曲的边界才能分开它们。</translation>
    </message>
    <message>
        <source>Two moons</source>
        <translation>双月</translation>
    </message>
    <message>
        <source>Vocab size</source>
        <translation>词表大小</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口长度</translation>
    </message>
    <message>
        <source>Windows of a noisy sum of three sines (N×window×1); predict the next values (N×horizon).</source>
        <translation>三条正弦曲线叠加并带噪声的序列窗口（N×窗口长度×1）；预测接下来的值（N×预测步数）。</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>异或（XOR）</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>auto: whole-number labels mean classification, other numbers regression</source>
        <translation>自动：标签都是整数时为分类，否则为回归</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>flat</source>
        <translation>展平</translation>
    </message>
    <message>
        <source>grayscale</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>grayscale: 1 channel; rgb: 3 channels</source>
        <translation>灰度：1 个通道；RGB：3 个通道</translation>
    </message>
    <message>
        <source>image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>image: 1×H×W for convolutions; flat: one vector of H·W pixels for Dense layers</source>
        <translation>图像：1×H×W，适合卷积层；展平：H·W 个像素组成的一个向量，适合全连接层</translation>
    </message>
    <message>
        <source>inputs</source>
        <translation>输入本身</translation>
    </message>
    <message>
        <source>labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>labels: the digit 0-9 (classification); inputs: the image itself (autoencoders)</source>
        <translation>标签：数字 0–9（分类）；输入本身：图像自身（自编码器）</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>rgb</source>
        <translation>RGB 彩色</translation>
    </message>
    <message>
        <source>x covers [-π·periods, π·periods]</source>
        <translation>x 的取值范围为 [-π·周期数, π·周期数]</translation>
    </message>
    <message>
        <source>y = sin(x) + noise: one input, one target.</source>
        <translation>y = sin(x) + 噪声：一个输入，一个目标值。</translation>
    </message>
</context>
<context>
    <name>DatasetPicker</name>
    <message>
        <source>{0} (download)</source>
        <translation>{0}（下载）</translation>
    </message>
    <message>
        <source>From file: {0}</source>
        <translation>从文件读取：{0}</translation>
    </message>
    <message>
        <source>{0}, read from {1} when its files are there, else downloaded through torchvision (optional) — without it, how to get the files by hand is explained.</source>
        <translation>{0}：如果 {1} 中已有文件就从那里读取，否则通过 torchvision（可选）下载；没有安装 torchvision 时，会说明如何手动获取这些文件。</translation>
    </message>
    <message>
        <source>Choose a file or folder to see its samples.</source>
        <translation>选择一个文件或文件夹，即可看到其中的样本。</translation>
    </message>
    <message>
        <source>Loading a preview…</source>
        <translation>正在加载预览…</translation>
    </message>
</context>
<context>
    <name>DatasetPreview</name>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Choose a dataset to see a few of its samples.</source>
        <translation>选择一个数据集，即可看到其中的几个样本。</translation>
    </message>
    <message>
        <source>{0} samples of {1}</source>
        <translation>{0} 个样本，每个形状为 {1}</translation>
    </message>
    <message numerus="yes">
        <source>, %n class(es)</source>
        <translation>
            <numerusform>，%n 个类别</numerusform>
        </translation>
    </message>
    <message>
        <source>, numeric targets</source>
        <translation>，目标为数值</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
</context>
<context>
    <name>DecisionBoundaryView</name>
    <message>
        <source>The decision boundary is drawn while the model trains on 2-D data.</source>
        <translation>在二维数据上训练时，这里会画出模型的决策边界。</translation>
    </message>
    <message>
        <source>{0} of {1} points on the right side; {2} wrong (ringed in red). Paler colour = less sure.</source>
        <translation>{1} 个点中有 {0} 个落在正确的一侧；{2} 个错误（红圈标出）。颜色越浅，模型越不确定。</translation>
    </message>
    <message>
        <source>class {0}</source>
        <translation>类别 {0}</translation>
    </message>
</context>
<context>
    <name>ForecastPreview</name>
    <message>
        <source>The forecast cannot be drawn: {0}.</source>
        <translation>无法绘制预测：{0}。</translation>
    </message>
    <message>
        <source>Mean squared error &lt;b&gt;{0}&lt;/b&gt; over {1} windows: better than repeating the last value ({2}).</source>
        <translation>{1} 个窗口上的均方误差为 &lt;b&gt;{0}&lt;/b&gt;：优于“重复最后一个值”的基线（{2}）。</translation>
    </message>
    <message>
        <source>Mean squared error &lt;b&gt;{0}&lt;/b&gt; over {1} windows: not yet better than repeating the last value ({2}).</source>
        <translation>{1} 个窗口上的均方误差为 &lt;b&gt;{0}&lt;/b&gt;：还没有优于“重复最后一个值”的基线（{2}）。</translation>
    </message>
    <message numerus="yes">
        <source>forecasting %n step(s) ahead</source>
        <translation>
            <numerusform>向后预测 %n 步</numerusform>
        </translation>
    </message>
    <message>
        <source>Validation windows of {0} steps, {1}. A forecast that does not beat repeating the window&apos;s last value has learnt nothing yet.</source>
        <translation>验证窗口长 {0} 步，{1}。如果预测还比不过“重复窗口最后一个值”，说明网络还什么都没学到。</translation>
    </message>
    <message>
        <source>window {0}: error² {1}</source>
        <translation>窗口 {0}：误差² {1}</translation>
    </message>
    <message>
        <source>steps from now</source>
        <translation>距当前的步数</translation>
    </message>
</context>
<context>
    <name>GradientFlowPlot</name>
    <message>
        <source>Gradient norm per layer</source>
        <translation>各层的梯度范数</translation>
    </message>
    <message>
        <source>norm</source>
        <translation>范数</translation>
    </message>
    <message>
        <source>Update / weight ratio per layer</source>
        <translation>各层的更新量 / 权重之比</translation>
    </message>
    <message>
        <source>ratio</source>
        <translation>比值</translation>
    </message>
</context>
<context>
    <name>GraphicsScene</name>
    <message>
        <source>Export...</source>
        <translation>导出…</translation>
    </message>
</context>
<context>
    <name>ImagePreview</name>
    <message>
        <source>Images appear after the first epoch.</source>
        <translation>第一轮训练结束后，这里会显示图像。</translation>
    </message>
</context>
<context>
    <name>LossTermsPlot</name>
    <message>
        <source>Loss terms and metrics</source>
        <translation>损失各项与指标</translation>
    </message>
    <message>
        <source>Discriminator&apos;s mean P(real)</source>
        <translation>判别器给出的平均 P(真实)</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>value (log scale)</source>
        <translation>数值（对数坐标）</translation>
    </message>
    <message>
        <source>value</source>
        <translation>数值</translation>
    </message>
</context>
<context>
    <name>MemoryCheck</name>
    <message>
        <source>What a run with these settings needs, worked out before it starts.</source>
        <translation>在开始之前估算：按这些设置训练需要多少内存。</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Estimate memory</source>
        <translation>估算内存</translation>
    </message>
    <message>
        <source>Parameters, gradients, optimizer state and activations at the batch size, measured without allocating, against the memory available.</source>
        <translation>按当前批大小计算参数、梯度、优化器状态和激活值所占的内存（不实际分配），并与可用内存比较。</translation>
    </message>
    <message>
        <source>Estimating… (PyTorch loads once per session)</source>
        <translation>正在估算…（每次启动只需加载一次 PyTorch）</translation>
    </message>
</context>
<context>
    <name>Metric</name>
    <message>
        <source>reconstruction (training)</source>
        <translation>重构误差（训练）</translation>
    </message>
    <message>
        <source>KL (training)</source>
        <translation>KL（训练）</translation>
    </message>
    <message>
        <source>reconstruction</source>
        <translation>重构误差</translation>
    </message>
    <message>
        <source>KL divergence</source>
        <translation>KL 散度</translation>
    </message>
    <message>
        <source>−ELBO (reconstruction + KL)</source>
        <translation>−ELBO（重构误差 + KL）</translation>
    </message>
    <message>
        <source>discriminator loss</source>
        <translation>判别器损失</translation>
    </message>
    <message>
        <source>generator loss</source>
        <translation>生成器损失</translation>
    </message>
    <message>
        <source>D(x), real</source>
        <translation>D(x)，真实样本</translation>
    </message>
    <message>
        <source>D(G(z)), generated</source>
        <translation>D(G(z))，生成样本</translation>
    </message>
    <message>
        <source>D(x), validation</source>
        <translation>D(x)，验证</translation>
    </message>
    <message>
        <source>D(G(z)), validation</source>
        <translation>D(G(z))，验证</translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <source>mean absolute error</source>
        <translation>平均绝对误差</translation>
    </message>
    <message>
        <source>baseline to beat (mean squared error)</source>
        <translation>要超越的基线（均方误差）</translation>
    </message>
</context>
<context>
    <name>PairGrid</name>
    <message>
        <source>original</source>
        <translation>原图</translation>
    </message>
    <message>
        <source>reconstructed</source>
        <translation>重构</translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <source>about {need} (free memory unknown)</source>
        <translation>约 {need}（可用内存未知）</translation>
    </message>
    <message>
        <source>about {need} of {available} available</source>
        <translation>约 {need}，可用 {available}</translation>
    </message>
    <message>
        <source>{summary}; not even a batch of 1 fits</source>
        <translation>{summary}；连大小为 1 的批都放不下</translation>
    </message>
    <message>
        <source>{summary}; a batch of the whole training set fits</source>
        <translation>{summary}；整个训练集作为一个批也放得下</translation>
    </message>
    <message>
        <source>{summary}; the largest batch that fits is {batch}</source>
        <translation>{summary}；能放下的最大批大小为 {batch}</translation>
    </message>
    <message>
        <source>This run needs about {need} of memory but the {where} has {available} available ({parts}). {remedy}</source>
        <translation>这次运行大约需要 {need} 内存，但{where}只有 {available} 可用（{parts}）。{remedy}</translation>
    </message>
    <message>
        <source>Use a batch size of at most {fits} (now {batch}) or a smaller model.</source>
        <translation>请把批大小设为不超过 {fits}（当前为 {batch}），或使用更小的模型。</translation>
    </message>
    <message>
        <source>Even a batch of 1 does not fit: make the model smaller (fewer or narrower layers).</source>
        <translation>连大小为 1 的批都放不下：请把模型变小（更少或更窄的层）。</translation>
    </message>
    <message>
        <source>Even a batch of 1 does not fit: make the model smaller (fewer or narrower layers) or train on a GPU.</source>
        <translation>连大小为 1 的批都放不下：请把模型变小（更少或更窄的层），或在 GPU 上训练。</translation>
    </message>
    <message>
        <source>computer</source>
        <translation>电脑</translation>
    </message>
    <message>
        <source>parameters {parameters}, gradients {gradients}, optimizer state {optimizer}, activations at batch size {batch} {activations}, data on the device {data}</source>
        <translation>参数 {parameters}，梯度 {gradients}，优化器状态 {optimizer}，批大小为 {batch} 时的激活值 {activations}，设备上的数据 {data}</translation>
    </message>
    <message>
        <source>Batch {batch} on {device}: {summary}.</source>
        <translation>批大小 {batch}，{device}：{summary}。</translation>
    </message>
    <message>
        <source>The fit of the dataset could not be checked: {error}</source>
        <translation>无法检查数据集是否与网络相符：{error}</translation>
    </message>
    <message>
        <source>a single value</source>
        <translation>单个值</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>sequence_classification</source>
        <translation>序列分类</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>forecast</source>
        <translation>序列预测</translation>
    </message>
    <message>
        <source>reconstruction</source>
        <translation>重构</translation>
    </message>
    <message>
        <source>vae</source>
        <translation>变分自编码器</translation>
    </message>
    <message>
        <source>gan</source>
        <translation>生成对抗网络</translation>
    </message>
    <message>
        <source>{count} feature</source>
        <translation>{count} 个特征</translation>
    </message>
    <message>
        <source>{count} features</source>
        <translation>{count} 个特征</translation>
    </message>
    <message>
        <source>sequences of {size} token ids</source>
        <translation>长度为 {size} 的词元 ID 序列</translation>
    </message>
    <message>
        <source>{size} images</source>
        <translation>{size} 的图像</translation>
    </message>
    <message>
        <source>{features} per sample</source>
        <translation>每个样本 {features}</translation>
    </message>
    <message>
        <source>sequences of {steps} steps × {features}</source>
        <translation>{steps} 步 × {features} 的序列</translation>
    </message>
    <message>
        <source>samples of {size}</source>
        <translation>形状为 {size} 的样本</translation>
    </message>
    <message>
        <source>use digits28 or change the Input</source>
        <translation>请改用 digits28，或修改 Input</translation>
    </message>
    <message>
        <source>use digits or change the Input</source>
        <translation>请改用 digits，或修改 Input</translation>
    </message>
    <message>
        <source>set the dataset&apos;s layout to &apos;{layout}&apos; or change the Input</source>
        <translation>请把数据集的布局设为“{layout}”，或修改 Input</translation>
    </message>
    <message>
        <source>set the Input to {size} (add a Flatten after it if the next layer needs a vector)</source>
        <translation>请把 Input 设为 {size}（如果下一层需要向量，请在其后加一个 Flatten）</translation>
    </message>
    <message>
        <source>set the Input&apos;s shape to {size} (Set from dataset)</source>
        <translation>请把 Input 的形状设为 {size}（按数据集设置）</translation>
    </message>
    <message>
        <source>The network has no Input: add one to receive the dataset&apos;s samples.</source>
        <translation>网络没有 Input：请添加一个来接收数据集的样本。</translation>
    </message>
    <message>
        <source>The dataset gives one input per sample but the network has {count} Inputs ({names}); keep one Input.</source>
        <translation>数据集每个样本只提供一个输入，但网络有 {count} 个 Input（{names}）；请只保留一个 Input。</translation>
    </message>
    <message>
        <source>The dataset gives {samples} but Input &apos;{name}&apos; expects {size} — {hint}.</source>
        <translation>数据集提供的是{samples}，但 Input“{name}”需要 {size}——{hint}。</translation>
    </message>
    <message>
        <source>The dataset gives token ids (whole numbers) but Input &apos;{name}&apos; has dtype {dtype} — set its dtype to long and feed it to an Embedding.</source>
        <translation>数据集提供的是词元 ID（整数），但 Input“{name}”的 dtype 是 {dtype}——请把它的 dtype 设为 long，并把它接到 Embedding 层。</translation>
    </message>
    <message>
        <source>The dataset gives real numbers but Input &apos;{name}&apos; has dtype long — set its dtype to float.</source>
        <translation>数据集提供的是实数，但 Input“{name}”的 dtype 是 long——请把它的 dtype 设为 float。</translation>
    </message>
    <message>
        <source>The dataset&apos;s token ids go up to {largest} but the Embedding has only {rows} rows — set num_embeddings to at least {vocab}.</source>
        <translation>数据集的词元 ID 最大到 {largest}，但 Embedding 只有 {rows} 行——请把 num_embeddings 设为至少 {vocab}。</translation>
    </message>
    <message>
        <source>The dataset &apos;{dataset}&apos; has only {count} class, but a classifier needs at least two classes to tell apart — choose a dataset whose labels take two or more values.</source>
        <translation>数据集“{dataset}”只有 {count} 个类别，但分类器至少需要两个类别来区分——请选择标签有两个或更多取值的数据集。</translation>
    </message>
    <message>
        <source>no class labels (its targets are its inputs)</source>
        <translation>没有类别标签（它的目标就是它的输入）</translation>
    </message>
    <message>
        <source>numeric targets, not classes</source>
        <translation>数值目标，而不是类别</translation>
    </message>
    <message>
        <source>The dataset &apos;{dataset}&apos; has {what}, but the training task is {task} — choose a classification dataset or change the task.</source>
        <translation>数据集“{dataset}”的是{what}，但训练任务是{task}——请选择分类数据集，或更换任务。</translation>
    </message>
    <message>
        <source>class labels</source>
        <translation>类别标签</translation>
    </message>
    <message>
        <source>no targets</source>
        <translation>没有目标</translation>
    </message>
    <message>
        <source>The dataset &apos;{dataset}&apos; has {what}, but the training task is {task}, which needs numeric targets — choose a regression dataset or change the task.</source>
        <translation>数据集“{dataset}”的是{what}，但训练任务是{task}，它需要数值目标——请选择回归数据集，或更换任务。</translation>
    </message>
    <message>
        <source>The network has no Output: add one after the last layer.</source>
        <translation>网络没有 Output：请在最后一层之后添加一个。</translation>
    </message>
    <message>
        <source>Output &apos;{name}&apos; gives {size} values per sample, but a classifier should give one score per class ({classes}) — end the network with Flatten and a Dense layer of {classes} units.</source>
        <translation>Output“{name}”每个样本给出 {size} 个值，但分类器应当为每个类别给出一个分数（共 {classes} 个）——请在网络末尾接一个 Flatten 和一个 {classes} 个单元的 Dense 层。</translation>
    </message>
    <message>
        <source>The dataset has {classes} classes but Output &apos;{name}&apos; gives {count} value per sample — set the last layer to {classes} units.</source>
        <translation>数据集有 {classes} 个类别，但 Output“{name}”每个样本只给出 {count} 个值——请把最后一层设为 {classes} 个单元。</translation>
    </message>
    <message>
        <source>The dataset has {classes} classes but Output &apos;{name}&apos; gives {count} values per sample — set the last layer to {classes} units.</source>
        <translation>数据集有 {classes} 个类别，但 Output“{name}”每个样本给出 {count} 个值——请把最后一层设为 {classes} 个单元。</translation>
    </message>
    <message>
        <source>The dataset&apos;s targets are {width} per sample but Output &apos;{name}&apos; gives {size} — make the last layer give {width}.</source>
        <translation>数据集每个样本的目标是 {width}，但 Output“{name}”给出的是 {size}——请让最后一层输出 {width}。</translation>
    </message>
    <message>
        <source>reshape it to {size} (add an Unflatten/Reshape layer)</source>
        <translation>请把它变形为 {size}（添加一个 Unflatten/Reshape 层）</translation>
    </message>
    <message>
        <source>make the decoder end in {size}</source>
        <translation>请让解码器最终输出 {size}</translation>
    </message>
    <message>
        <source>To reconstruct its input, the network must output {size} per sample like the dataset, but Output &apos;{name}&apos; gives {given} — {fix}.</source>
        <translation>要重构输入，网络每个样本必须像数据集一样输出 {size}，但 Output“{name}”给出的是 {given}——{fix}。</translation>
    </message>
    <message>
        <source>No dataset is chosen for this project: pick one before training.</source>
        <translation>这个项目还没有选择数据集：请先选择一个再训练。</translation>
    </message>
    <message>
        <source>The model and the data do not fit together</source>
        <translation>模型和数据不匹配</translation>
    </message>
    <message>
        <source>The training settings have problems</source>
        <translation>训练设置有问题</translation>
    </message>
    <message>
        <source>The loss became NaN (not a number) in epoch {epoch} (around step {step}). {advice}.</source>
        <translation>损失在第 {epoch} 轮（约第 {step} 步）变成了 NaN（非数值）。{advice}。</translation>
    </message>
    <message>
        <source>The loss became infinite in epoch {epoch} (around step {step}). {advice}.</source>
        <translation>损失在第 {epoch} 轮（约第 {step} 步）变成了无穷大。{advice}。</translation>
    </message>
    <message>
        <source>The learning rate ({lr}) is probably too high: try a smaller one</source>
        <translation>学习率（{lr}）可能太高了：请试试更小的值</translation>
    </message>
    <message>
        <source>The learning rate ({lr}) is probably too high: try a smaller one, or turn on gradient clipping</source>
        <translation>学习率（{lr}）可能太高了：请试试更小的值，或开启梯度裁剪</translation>
    </message>
    <message>
        <source>{advice} ({detail})</source>
        <translation>{advice}（{detail}）</translation>
    </message>
    <message>
        <source>Training failed while running the model: {detail}. Check the layer sizes and the data&apos;s shape; the shape labels on the canvas show what each layer expects.</source>
        <translation>运行模型时训练失败：{detail}。请检查各层的大小和数据的形状；画布上的形状标签显示了每一层需要的输入。</translation>
    </message>
    <message>
        <source>Training failed: {kind}: {detail}</source>
        <translation>训练失败：{kind}：{detail}</translation>
    </message>
    <message>
        <source>The device ran out of memory. Use a smaller batch size or a smaller model.</source>
        <translation>设备内存不足。请使用更小的批大小或更小的模型。</translation>
    </message>
    <message>
        <source>The computer ran out of memory. Use a smaller batch size or a smaller model.</source>
        <translation>电脑内存不足。请使用更小的批大小或更小的模型。</translation>
    </message>
    <message>
        <source>The device ran out of memory. Use a smaller batch size (now {batch}{suggestion}) or a smaller model.</source>
        <translation>设备内存不足。请使用更小的批大小（当前为 {batch}{suggestion}）或更小的模型。</translation>
    </message>
    <message>
        <source>The computer ran out of memory. Use a smaller batch size (now {batch}{suggestion}) or a smaller model or dataset.</source>
        <translation>电脑内存不足。请使用更小的批大小（当前为 {batch}{suggestion}），或更小的模型或数据集。</translation>
    </message>
    <message>
        <source>; try {batch}</source>
        <translation>；可试试 {batch}</translation>
    </message>
    <message>
        <source>Finished 1 epoch. {summary}</source>
        <translation>已完成 1 轮。{summary}</translation>
    </message>
    <message>
        <source>Finished {count} epochs. {summary}</source>
        <translation>已完成 {count} 轮。{summary}</translation>
    </message>
    <message>
        <source>Stopped after 0 epochs.</source>
        <translation>在 0 轮后停止。</translation>
    </message>
    <message>
        <source>Stopped after 1 epoch. {summary}</source>
        <translation>在 1 轮后停止。{summary}</translation>
    </message>
    <message>
        <source>Stopped after {count} epochs. {summary}</source>
        <translation>在 {count} 轮后停止。{summary}</translation>
    </message>
    <message>
        <source>Stopped early after epoch {epoch}: the validation loss has not improved for {waited}. {summary}</source>
        <translation>在第 {epoch} 轮后早停：验证损失已经 {waited}没有改善。{summary}</translation>
    </message>
    <message>
        <source>Stopped early after epoch {epoch}: the training loss has not improved for {waited}. {summary}</source>
        <translation>在第 {epoch} 轮后早停：训练损失已经 {waited}没有改善。{summary}</translation>
    </message>
    <message>
        <source>1 epoch</source>
        <translation>1 轮</translation>
    </message>
    <message>
        <source>{count} epochs</source>
        <translation>{count} 轮</translation>
    </message>
    <message>
        <source>Last epoch: {parts}.</source>
        <translation>最后一轮：{parts}。</translation>
    </message>
    <message>
        <source>train loss {value}</source>
        <translation>训练损失 {value}</translation>
    </message>
    <message>
        <source>, validation loss {value}</source>
        <translation>，验证损失 {value}</translation>
    </message>
    <message>
        <source>, validation accuracy {value} (best {best})</source>
        <translation>，验证准确率 {value}（最佳 {best}）</translation>
    </message>
    <message>
        <source>Fast mode: batch {batch} → {fast_batch}, learning rate {lr} → {fast_lr} (scaled with the batch: the linear rule).</source>
        <translation>快速模式：批大小 {batch} → {fast_batch}，学习率 {lr} → {fast_lr}（随批大小按比例放大：线性缩放规则）。</translation>
    </message>
    <message>
        <source>Fast mode: bf16 skipped: this GPU does not support bfloat16.</source>
        <translation>快速模式：未使用 bf16：这块 GPU 不支持 bfloat16。</translation>
    </message>
    <message>
        <source>Fast mode: {switch} skipped (it needs a CUDA GPU and this run is on {device}).</source>
        <translation>快速模式：未使用{switch}（需要 CUDA GPU，而本次运行在 {device} 上）。</translation>
    </message>
    <message>
        <source>Fast mode: larger batch skipped (it needs a CUDA GPU and this run is on {device}); the batch stays {batch}.</source>
        <translation>快速模式：未增大批大小（需要 CUDA GPU，而本次运行在 {device} 上）；批大小仍为 {batch}。</translation>
    </message>
    <message>
        <source>Fast mode: channels_last skipped (the network has no 2-D convolution).</source>
        <translation>快速模式：未使用 channels_last 内存布局（网络中没有二维卷积层）。</translation>
    </message>
    <message>
        <source>Fast mode: fused optimizer skipped ({optimizer} has no fused version).</source>
        <translation>快速模式：未使用融合优化器（{optimizer} 没有融合版本）。</translation>
    </message>
    <message>
        <source>keeping the data on the GPU</source>
        <extracomment>The switches fast mode names, as it names them → the same marked for translation.</extracomment>
        <translation>把数据常驻在 GPU 上</translation>
    </message>
    <message>
        <source>bf16</source>
        <translation> bf16</translation>
    </message>
    <message>
        <source>channels_last</source>
        <translation> channels_last 内存布局</translation>
    </message>
    <message>
        <source>fused optimizer</source>
        <translation>融合优化器</translation>
    </message>
    <message>
        <source>compiled steps (CUDA graphs)</source>
        <translation>编译训练步（CUDA Graphs）</translation>
    </message>
    <message>
        <source>Mixed precision works on CUDA only; this run computes in float32.</source>
        <translation>混合精度只在 CUDA 上可用；本次运行使用 float32 计算。</translation>
    </message>
    <message>
        <source>Only the network {name} is trained; the others are left as they are.</source>
        <translation>只训练网络 {name}；其他网络保持不变。</translation>
    </message>
    <message>
        <source>The data does not fit in GPU memory; batches are copied to the GPU one at a time.</source>
        <translation>数据放不进 GPU 显存；每个批次在使用时才复制到 GPU。</translation>
    </message>
    <message>
        <source>Started from the weights in {file}.</source>
        <translation>从 {file} 中的权重开始训练。</translation>
    </message>
    <message>
        <source>This run needs about {need} of the {available} available on the {where}; other programs may push it out of memory.</source>
        <translation>本次运行大约需要{where}上可用的 {available} 中的 {need}；其他程序可能导致内存不足。</translation>
    </message>
    <message>
        <source>The memory this run needs could not be estimated beforehand ({error}).</source>
        <translation>无法事先估算本次运行所需的内存（{error}）。</translation>
    </message>
    <message>
        <source>GPU</source>
        <extracomment>Where the memory is, as the pre-flight names it → marked for translation.</extracomment>
        <translation> GPU </translation>
    </message>
    <message>
        <source>Apple GPU</source>
        <translation> Apple GPU </translation>
    </message>
    <message>
        <source>The network ends in {layer}, but the {loss} loss applies it itself: remove that last layer, or training will be slow.</source>
        <translation>网络以 {layer} 结尾，但{loss}损失函数自身已经包含这一步：请删除最后这一层，否则训练会很慢。</translation>
    </message>
    <message>
        <source>The NLL loss expects log-probabilities: end the network with LogSoftmax, or use cross-entropy.</source>
        <translation>NLL 损失需要对数概率作为输入：请让网络以 LogSoftmax 结尾，或改用交叉熵损失。</translation>
    </message>
    <message>
        <source>No samples from random codes: {error}.</source>
        <translation>无法从随机潜在编码生成样本：{error}。</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <extracomment>The losses the advice names → marked for translation.</extracomment>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>BCE-with-logits</source>
        <translation> BCE-with-logits </translation>
    </message>
    <message>
        <source>training.{name}: {problem}</source>
        <translation>training.{name}：{problem}</translation>
    </message>
    <message>
        <source>training: must be an object, got {type}</source>
        <translation>training：必须是一个对象，实际是 {type}</translation>
    </message>
    <message>
        <source>training.{name}: unknown setting (known settings: {known})</source>
        <translation>training.{name}：未知的设置（已知的设置有：{known}）</translation>
    </message>
    <message>
        <source>training.loss: {loss} does not fit the task {task}; choose one of {losses}</source>
        <translation>training.loss：{loss}不适合“{task}”任务；请从 {losses} 中选择一个</translation>
    </message>
    <message>
        <source>training.nesterov: Nesterov momentum needs the SGD optimizer with a momentum above 0</source>
        <translation>training.nesterov：Nesterov 动量需要使用 SGD 优化器，并且动量大于 0</translation>
    </message>
    <message>
        <source>there are no networks whose weights could be saved</source>
        <translation>没有可以保存权重的网络</translation>
    </message>
    <message>
        <source>could not write the weights to {path}: {error}</source>
        <translation>无法把权重写入 {path}：{error}</translation>
    </message>
    <message>
        <source>there is no weights file {path}</source>
        <translation>权重文件 {path} 不存在</translation>
    </message>
    <message>
        <source>{file} is a safetensors file, and reading it needs the safetensors package (pip install safetensors)</source>
        <translation>{file} 是 safetensors 文件，读取它需要 safetensors 包（pip install safetensors）</translation>
    </message>
    <message>
        <source>{file} is not a weights file designer can read safely: it holds more than tensors, so it was not opened</source>
        <translation>{file} 不是 designer 能安全读取的权重文件：它包含张量以外的内容，因此没有打开</translation>
    </message>
    <message>
        <source>{file} is not a weights file designer can read: it is damaged or in another format</source>
        <translation>{file} 不是 designer 能读取的权重文件：文件已损坏或是其他格式</translation>
    </message>
    <message>
        <source>{path} does not hold a state_dict</source>
        <translation>{path} 中没有 state_dict</translation>
    </message>
    <message>
        <source>the weights</source>
        <translation>这些权重</translation>
    </message>
    <message>
        <source>the weights in {file}</source>
        <translation>{file} 中的权重</translation>
    </message>
    <message>
        <source>{source} hold one network, but the project has {count}: {names}</source>
        <translation>{source}只对应一个网络，但项目中有 {count} 个：{names}</translation>
    </message>
    <message>
        <source>{source} are for the networks {given}, but the project has {names}</source>
        <translation>{source}对应的网络是 {given}，但项目中的网络是 {names}</translation>
    </message>
    <message>
        <source>{source} do not fit the network {name}:</source>
        <translation>{source}与网络 {name} 不匹配：</translation>
    </message>
    <message>
        <source>{key}: missing from the file</source>
        <translation>{key}：文件中缺少</translation>
    </message>
    <message>
        <source>{key}: in the file but not in the network</source>
        <translation>{key}：文件中有，但网络中没有</translation>
    </message>
    <message>
        <source>{key}: not a tensor in the file</source>
        <translation>{key}：在文件中不是张量</translation>
    </message>
    <message>
        <source>{key}: the file has shape {got}, the network needs {need}</source>
        <translation>{key}：文件中的形状是 {got}，网络需要 {need}</translation>
    </message>
    <message>
        <source>The saved weights could not be used: {reason}</source>
        <translation>无法使用保存的权重：{reason}</translation>
    </message>
</context>
<context>
    <name>ReconstructionPreview</name>
    <message>
        <source>Validation images and their reconstructions appear after the first epoch.</source>
        <translation>第一轮训练结束后，这里会显示验证图像及其重构结果。</translation>
    </message>
    <message>
        <source>The reconstructions cannot be drawn: {0}.</source>
        <translation>无法绘制重构结果：{0}。</translation>
    </message>
    <message>
        <source>Mean squared pixel error under each pair; on average &lt;b&gt;{0}&lt;/b&gt;.</source>
        <translation>每对图像下方是像素的均方误差；平均为 &lt;b&gt;{0}&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>{0} validation images, each above the network&apos;s reconstruction of it.</source>
        <translation>{0} 张验证图像，每张下方是网络对它的重构。</translation>
    </message>
</context>
<context>
    <name>RegressionView</name>
    <message>
        <source>Predictions on validation samples appear after the first epoch.</source>
        <translation>第一轮训练结束后，这里会显示对验证样本的预测。</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>prediction</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>perfect</source>
        <translation>完美预测</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>true value</source>
        <translation>真实值</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测值</translation>
    </message>
    <message>
        <source>Epoch {0}: {1} validation samples, mean absolute error {2} (largest {3}).</source>
        <translation>第 {0} 轮：{1} 个验证样本，平均绝对误差 {2}（最大 {3}）。</translation>
    </message>
</context>
<context>
    <name>ResultViews</name>
    <message>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <source>Loss terms</source>
        <translation>损失各项</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>序列预测</translation>
    </message>
    <message>
        <source>Reconstructions</source>
        <translation>重构</translation>
    </message>
    <message>
        <source>Generated samples</source>
        <translation>生成样本</translation>
    </message>
</context>
<context>
    <name>RunControls</name>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Stopped early</source>
        <translation>已早停</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Stopped early.</source>
        <translation>已早停。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation>{0} 秒</translation>
    </message>
    <message>
        <source>{0} M samples/s</source>
        <translation>每秒 {0} M 个样本</translation>
    </message>
    <message>
        <source>{0} k samples/s</source>
        <translation>每秒 {0} k 个样本</translation>
    </message>
    <message>
        <source>{0} samples/s</source>
        <translation>每秒 {0} 个样本</translation>
    </message>
    <message>
        <source>Epoch {0}: train loss {1}</source>
        <translation>第 {0} 轮：训练损失 {1}</translation>
    </message>
    <message>
        <source>validation loss {0}</source>
        <translation>验证损失 {0}</translation>
    </message>
    <message>
        <source>accuracy {0}</source>
        <translation>准确率 {0}</translation>
    </message>
    <message>
        <source>{0}.</source>
        <translation>{0}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Ready. Choose a dataset and press Train.</source>
        <translation>准备就绪。选择一个数据集，然后点击“训练”。</translation>
    </message>
    <message>
        <source>Epoch –</source>
        <translation>轮次 –</translation>
    </message>
    <message>
        <source>Run –</source>
        <translation>总进度 –</translation>
    </message>
    <message>
        <source>Start training with these settings (the document is copied; you can keep editing)</source>
        <translation>按这些设置开始训练（会复制一份当前文档，你可以继续编辑）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Save trained weights…</source>
        <translation>保存训练好的权重…</translation>
    </message>
    <message>
        <source>Load weights to start from…</source>
        <translation>加载权重作为起点…</translation>
    </message>
    <message>
        <source>Start from fresh weights</source>
        <translation>从全新的权重开始</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>总进度</translation>
    </message>
    <message>
        <source>Train (from loaded weights)</source>
        <translation>训练（从加载的权重开始）</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Best available ({0})</source>
        <translation>自动选择最佳（{0}）</translation>
    </message>
    <message>
        <source>Best available</source>
        <translation>自动选择最佳</translation>
    </message>
    <message>
        <source>{0} (not present)</source>
        <translation>{0}（不存在）</translation>
    </message>
    <message>
        <source>Where to train</source>
        <translation>在哪个设备上训练</translation>
    </message>
    <message>
        <source>Where to train. ({0})</source>
        <translation>在哪个设备上训练。（{0}）</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Epoch {0}/{1}</source>
        <translation>第 {0}/{1} 轮</translation>
    </message>
    <message>
        <source>Run {0}</source>
        <translation>总进度 {0}</translation>
    </message>
    <message>
        <source>Epoch {0}/{1} — step {2}/{3} — {4}</source>
        <translation>第 {0}/{1} 轮 — 第 {2}/{3} 步 — {4}</translation>
    </message>
    <message>
        <source>{0} — {1} left</source>
        <translation>{0} — 剩余 {1}</translation>
    </message>
    <message>
        <source>Epoch {0}/{1} done — {2}</source>
        <translation>第 {0}/{1} 轮完成 — {2}</translation>
    </message>
    <message>
        <source>Epoch {0}/{1} — {2}</source>
        <translation>第 {0}/{1} 轮 — {2}</translation>
    </message>
    <message>
        <source>The run failed; your project is unchanged. Fix the problem and press Train again.</source>
        <translation>训练失败；你的项目没有任何改动。解决问题后再点击“训练”。</translation>
    </message>
    <message>
        <source>The run could not start; your project is unchanged.</source>
        <translation>训练无法开始；你的项目没有任何改动。</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
</context>
<context>
    <name>RunCurves</name>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Runs compared</source>
        <translation>训练运行对比</translation>
    </message>
</context>
<context>
    <name>RunHistoryView</name>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Export metrics…</source>
        <translation>导出指标…</translation>
    </message>
    <message>
        <source>Every epoch of the selected runs as a CSV file</source>
        <translation>把所选运行记录的每一轮指标导出为 CSV 文件</translation>
    </message>
    <message>
        <source>Export curves…</source>
        <translation>导出曲线…</translation>
    </message>
    <message>
        <source>The plot below as a PNG or SVG file</source>
        <translation>把下方的图导出为 PNG 或 SVG 文件</translation>
    </message>
    <message>
        <source>Load weights</source>
        <translation>加载权重</translation>
    </message>
    <message>
        <source>The next run starts from the weights this run trained</source>
        <translation>下一次训练将从这次运行训练出的权重开始</translation>
    </message>
    <message>
        <source>Plot:</source>
        <translation>绘制：</translation>
    </message>
    <message>
        <source>No runs yet. Every run you train is kept here to compare with the next.</source>
        <translation>还没有运行记录。每次训练都会保存在这里，方便与下一次比较。</translation>
    </message>
    <message>
        <source>Some runs could not be read and are not shown:</source>
        <translation>有些运行记录无法读取，没有显示：</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <translation>yyyy年M月d日 HH:mm</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Layers ({0})</source>
        <translation>层（{0}）</translation>
    </message>
    <message>
        <source>Dataset: {0}</source>
        <translation>数据集：{0}</translation>
    </message>
    <message>
        <source>The run was not renamed: {0}</source>
        <translation>运行记录没有重命名：{0}</translation>
    </message>
    <message>
        <source>Delete runs</source>
        <translation>删除运行记录</translation>
    </message>
    <message>
        <source>Delete {0}? Their metrics and weights are removed for good.</source>
        <translation>删除 {0}？它们的指标和权重将被永久删除。</translation>
    </message>
    <message>
        <source>Wrote the metrics to {0}.</source>
        <translation>指标已写入 {0}。</translation>
    </message>
    <message>
        <source>The curves were not saved: {0}</source>
        <translation>曲线没有保存：{0}</translation>
    </message>
    <message>
        <source>Wrote the curves to {0}.</source>
        <translation>曲线已写入 {0}。</translation>
    </message>
    <message>
        <source>Export metrics</source>
        <translation>导出指标</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export curves</source>
        <translation>导出曲线</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行记录</translation>
    </message>
</context>
<context>
    <name>RunMessages</name>
    <message numerus="yes">
        <source>CPU (%n thread(s))</source>
        <translation>
            <numerusform>CPU（%n 个线程）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SampleGridView</name>
    <message>
        <source>Validation samples with their predictions appear after the first epoch.</source>
        <translation>第一轮训练结束后，这里会显示验证样本及其预测。</translation>
    </message>
    <message>
        <source>Captions read predicted / true; mistakes are framed in red.</source>
        <translation>说明文字为“预测 / 真实”；预测错误的样本用红框标出。</translation>
    </message>
    <message>
        <source>Epoch {0}: {1} of {2} validation samples right; captions read predicted / true, mistakes in red.</source>
        <translation>第 {0} 轮：{2} 个验证样本中预测正确 {1} 个；说明文字为“预测 / 真实”，错误的用红色标出。</translation>
    </message>
</context>
<context>
    <name>SamplesPreview</name>
    <message>
        <source>Generated samples appear after the first epoch.</source>
        <translation>第一轮训练结束后，这里会显示生成的样本。</translation>
    </message>
    <message>
        <source>The samples cannot be drawn: {0}.</source>
        <translation>无法绘制样本：{0}。</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>训练安排</translation>
    </message>
    <message>
        <source>Data and hardware</source>
        <translation>数据与硬件</translation>
    </message>
    <message>
        <source>{0} (not present)</source>
        <translation>{0}（不存在）</translation>
    </message>
</context>
<context>
    <name>SetupColumn</name>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>GAN (generator and discriminator)</source>
        <translation>生成对抗网络（生成器与判别器）</translation>
    </message>
    <message>
        <source>Numeric targets; reports the loss and the mean absolute error.</source>
        <translation>目标为数值；报告损失和平均绝对误差。</translation>
    </message>
    <message>
        <source>One class label per sample; reports accuracy, per-class accuracy and a confusion matrix.</source>
        <translation>每个样本一个类别标签；报告准确率、各类别的准确率和混淆矩阵。</translation>
    </message>
    <message>
        <source>One class label per sequence (e.g. of token ids); reports accuracy and a confusion matrix.</source>
        <translation>每个序列（例如词元 ID 序列）一个类别标签；报告准确率和混淆矩阵。</translation>
    </message>
    <message>
        <source>Outputs reconstruction, mu and logvar; loss = reconstruction + β·KL. Shows reconstructions and digits decoded from random codes.</source>
        <translation>输出重构结果、mu 和 logvar；损失 = 重构误差 + β·KL。显示重构结果，以及从随机潜在编码解码出的数字。</translation>
    </message>
    <message>
        <source>Predict the next values of a sequence from a window of past ones; reports the error against repeating the last value, and plots forecasts against the truth.</source>
        <translation>根据过去一段窗口预测序列接下来的值；报告与“重复最后一个值”基线相比的误差，并把预测与真实值画在一起。</translation>
    </message>
    <message>
        <source>Reconstruction (autoencoder)</source>
        <translation>重构（自编码器）</translation>
    </message>
    <message>
        <source>Regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>Sequence classification</source>
        <translation>序列分类</translation>
    </message>
    <message>
        <source>Sequence forecasting</source>
        <translation>序列预测</translation>
    </message>
    <message>
        <source>The target is the input itself; shows originals beside their reconstructions.</source>
        <translation>目标就是输入本身；把原图和它的重构并排显示。</translation>
    </message>
    <message>
        <source>Two networks named generator and discriminator, trained in turns; shows samples generated from a fixed batch of noise.</source>
        <translation>两个分别名为 generator（生成器）和 discriminator（判别器）的网络，轮流训练；显示由一批固定噪声生成的样本。</translation>
    </message>
    <message>
        <source>Variational autoencoder</source>
        <translation>变分自编码器</translation>
    </message>
</context>
<context>
    <name>TaskPreviews</name>
    <message>
        <source>The same inputs every epoch, so each tile shows one input&apos;s output changing as the network learns.</source>
        <translation>每一轮使用相同的输入，所以每个小图都显示同一个输入的输出如何随着网络学习而变化。</translation>
    </message>
    <message>
        <source>Forecasts for a few validation windows appear after the first epoch.</source>
        <translation>第一轮训练结束后，这里会显示几个验证窗口的预测。</translation>
    </message>
    <message>
        <source>what the network saw</source>
        <translation>网络看到的部分</translation>
    </message>
    <message>
        <source>what came next</source>
        <translation>实际的后续值</translation>
    </message>
    <message>
        <source>its forecast</source>
        <translation>网络的预测</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>The dataset does not fit the network yet:</source>
        <translation>数据集与网络还不匹配：</translation>
    </message>
    <message>
        <source>Set Input shape from dataset</source>
        <translation>按数据集设置 Input 形状</translation>
    </message>
    <message>
        <source>The network needs exactly one Input for this; add one or remove the extras.</source>
        <translation>为此网络必须恰好有一个 Input；请添加一个，或删除多余的。</translation>
    </message>
    <message>
        <source>The Input shape could not be set: {0}</source>
        <translation>无法设置 Input 的形状：{0}</translation>
    </message>
    <message>
        <source>Training cannot start: the dataset does not fit the network.</source>
        <translation>无法开始训练：数据集与网络不匹配。</translation>
    </message>
    <message>
        <source>run {0}</source>
        <translation>运行 {0}</translation>
    </message>
    <message>
        <source>Starting the training engine (PyTorch loads once per session)…</source>
        <translation>正在启动训练引擎（每次启动只需加载一次 PyTorch）…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Paused. Press Resume to go on.</source>
        <translation>已暂停。点击“继续”以接着训练。</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) per epoch</source>
        <translation>
            <numerusform>每轮 %n 步</numerusform>
        </translation>
    </message>
    <message>
        <source>Run {0} on {1}: {2} training and {3} validation samples, {4}.</source>
        <translation>第 {0} 次运行，设备 {1}：{2} 个训练样本和 {3} 个验证样本，{4}。</translation>
    </message>
    <message>
        <source>Training failed. {0}</source>
        <translation>训练失败。{0}</translation>
    </message>
    <message>
        <source>Save trained weights</source>
        <translation>保存训练好的权重</translation>
    </message>
    <message>
        <source>safetensors (*.safetensors);;PyTorch weights (*.pt *.pth)</source>
        <translation>safetensors (*.safetensors);;PyTorch 权重 (*.pt *.pth)</translation>
    </message>
    <message>
        <source>Load weights</source>
        <translation>加载权重</translation>
    </message>
    <message>
        <source>Weights (*.safetensors *.pt *.pth);;safetensors (*.safetensors);;PyTorch weights (*.pt *.pth);;All files (*)</source>
        <translation>权重 (*.safetensors *.pt *.pth);;safetensors (*.safetensors);;PyTorch 权重 (*.pt *.pth);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>TrainingPlots</name>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>run {0}</source>
        <translation>运行 {0}</translation>
    </message>
    <message>
        <source>training (per step)</source>
        <translation>训练（每步）</translation>
    </message>
    <message>
        <source>training (smoothed)</source>
        <translation>训练（平滑）</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Validation {0}</source>
        <translation>验证集{0}</translation>
    </message>
</context>
<context>
    <name>TrainingProcess</name>
    <message>
        <source>Loading the dataset…</source>
        <translation>正在加载数据集…</translation>
    </message>
    <message>
        <source>Preparing the model…</source>
        <translation>正在准备模型…</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <source>Stopped before training began.</source>
        <translation>训练开始之前就已停止。</translation>
    </message>
    <message>
        <source>The dataset could not be loaded: {0}</source>
        <translation>无法加载数据集：{0}</translation>
    </message>
    <message>
        <source>The project could not be read for training: {0}</source>
        <translation>无法读取项目用于训练：{0}</translation>
    </message>
    <message>
        <source>Training stopped because of an internal error: {0}</source>
        <translation>由于内部错误，训练已停止：{0}</translation>
    </message>
    <message>
        <source>The training process ended unexpectedly. Your project is unchanged; if it ran out of memory, a smaller batch size or model helps.</source>
        <translation>训练进程意外结束。你的项目没有任何改动；如果是内存不足，减小批大小或模型会有帮助。</translation>
    </message>
    <message>
        <source>The training process ended unexpectedly (exit code {0}). Your project is unchanged; if it ran out of memory, a smaller batch size or model helps.</source>
        <translation>训练进程意外结束（退出码 {0}）。你的项目没有任何改动；如果是内存不足，减小批大小或模型会有帮助。</translation>
    </message>
</context>
<context>
    <name>TrainingSettings</name>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>Adam is a good default; SGD with momentum for the classic recipe.</source>
        <translation>Adam 是不错的默认选择；经典做法是带动量的 SGD。</translation>
    </message>
    <message>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <source>Apple GPU (MPS)</source>
        <translation>Apple GPU（MPS）</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Best available</source>
        <translation>自动选择最佳</translation>
    </message>
    <message>
        <source>Binary cross-entropy (after a Sigmoid)</source>
        <translation>二元交叉熵（接在 Sigmoid 之后）</translation>
    </message>
    <message>
        <source>Binary cross-entropy with logits</source>
        <translation>二元交叉熵（输入为 logits）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>CUDA only: compute in bfloat16 where safe; faster on modern GPUs.</source>
        <translation>仅限 CUDA：在安全的地方用 bf16 计算；在较新的 GPU 上更快。</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>恒定</translation>
    </message>
    <message>
        <source>Cosine annealing</source>
        <translation>余弦退火</translation>
    </message>
    <message>
        <source>Cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>Cross-entropy for classes (the network outputs raw scores); MSE/L1/Huber for numbers.</source>
        <translation>预测类别用交叉熵（网络输出未归一化的原始分数）；预测数值用 MSE/L1/Huber。</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Early stopping patience</source>
        <translation>早停耐心值</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Fast mode</source>
        <translation>快速模式</translation>
    </message>
    <message>
        <source>For SGD and RMSprop: how much of the previous step is kept.</source>
        <translation>用于 SGD 和 RMSprop：保留多少上一步的更新方向。</translation>
    </message>
    <message>
        <source>GAN (generator and discriminator)</source>
        <translation>生成对抗网络（生成器与判别器）</translation>
    </message>
    <message>
        <source>GAN only: the discriminator learns to call real samples 1 minus this; 0.1 steadies training.</source>
        <translation>仅用于生成对抗网络：判别器学习把真实样本判为 1 减去此值；0.1 能让训练更稳定。</translation>
    </message>
    <message>
        <source>Gradient clipping</source>
        <translation>梯度裁剪</translation>
    </message>
    <message>
        <source>How the learning rate changes during the run.</source>
        <translation>训练过程中学习率如何变化。</translation>
    </message>
    <message>
        <source>Huber</source>
        <translation>Huber 损失</translation>
    </message>
    <message>
        <source>KL weight (β)</source>
        <translation>KL 权重（β）</translation>
    </message>
    <message>
        <source>L2 penalty on the weights (decoupled for AdamW).</source>
        <translation>对权重的 L2 惩罚（AdamW 中为解耦形式）。</translation>
    </message>
    <message>
        <source>LR schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>Largest allowed gradient norm; 0 turns clipping off.</source>
        <translation>允许的最大梯度范数；设为 0 则关闭裁剪。</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Mean absolute error (L1)</source>
        <translation>平均绝对误差（L1）</translation>
    </message>
    <message>
        <source>Mean squared error</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <source>Mixed precision (bf16)</source>
        <translation>混合精度（bf16）</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>Negative log-likelihood (after LogSoftmax)</source>
        <translation>负对数似然（接在 LogSoftmax 之后）</translation>
    </message>
    <message>
        <source>Nesterov momentum</source>
        <translation>Nesterov 动量</translation>
    </message>
    <message>
        <source>On a CUDA GPU: data kept on the GPU, a batch of at least 512 with the learning rate scaled alike, bf16, channels_last, a fused optimizer and compiled steps. Whatever does not apply is skipped with a note.</source>
        <translation>在 CUDA GPU 上：数据常驻 GPU，批大小至少 512 且学习率按同样比例放大，使用 bf16、channels_last、融合优化器和编译后的训练步。不适用的项会跳过并给出说明。</translation>
    </message>
    <message>
        <source>One-cycle</source>
        <translation>单周期</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Passes over the training data.</source>
        <translation>遍历训练数据的次数。</translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <source>Real-label smoothing</source>
        <translation>真实标签平滑</translation>
    </message>
    <message>
        <source>Reconstruction (autoencoder)</source>
        <translation>重构（自编码器）</translation>
    </message>
    <message>
        <source>Regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>SGD only: look-ahead momentum.</source>
        <translation>仅用于 SGD：带“前瞻”的动量。</translation>
    </message>
    <message>
        <source>Same seed, same run (exactly, on the CPU).</source>
        <translation>种子相同，训练结果就相同（在 CPU 上完全一致）。</translation>
    </message>
    <message>
        <source>Samples per optimizer step.</source>
        <translation>优化器每更新一步所用的样本数。</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Sequence classification</source>
        <translation>序列分类</translation>
    </message>
    <message>
        <source>Sequence forecasting</source>
        <translation>序列预测</translation>
    </message>
    <message>
        <source>Share of the training data held out for validation (unless the dataset brings its own).</source>
        <translation>从训练数据中留出用于验证的比例（数据集自带验证集时除外）。</translation>
    </message>
    <message>
        <source>Step decay</source>
        <translation>阶梯衰减</translation>
    </message>
    <message>
        <source>Step decay: multiply the learning rate by gamma every this many epochs.</source>
        <translation>阶梯衰减：每隔这么多轮，把学习率乘以 γ。</translation>
    </message>
    <message>
        <source>Step decay: the factor applied to the learning rate.</source>
        <translation>阶梯衰减：学习率每次乘上的系数。</translation>
    </message>
    <message>
        <source>Step every (epochs)</source>
        <translation>衰减间隔（轮）</translation>
    </message>
    <message>
        <source>Step factor (gamma)</source>
        <translation>衰减系数（γ）</translation>
    </message>
    <message>
        <source>Step size of the optimizer. Typical: 1e-3 for Adam, 0.01–0.1 for SGD.</source>
        <translation>优化器每一步的步长。常用值：Adam 取 1e-3，SGD 取 0.01–0.1。</translation>
    </message>
    <message>
        <source>Stop after this many epochs without a better validation loss; 0 turns it off.</source>
        <translation>验证损失连续这么多轮没有改善就停止训练；设为 0 则关闭。</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>VAE only: loss = reconstruction + β·KL. Above 1 gives smoother codes, below 1 sharper images.</source>
        <translation>仅用于变分自编码器：损失 = 重构误差 + β·KL。大于 1 时潜在编码更平滑，小于 1 时图像更清晰。</translation>
    </message>
    <message>
        <source>Validation split</source>
        <translation>验证集比例</translation>
    </message>
    <message>
        <source>Variational autoencoder</source>
        <translation>变分自编码器</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>What the network learns: class labels, numbers, …</source>
        <translation>网络要学什么：类别标签、数值等。</translation>
    </message>
    <message>
        <source>Where to train; Best available picks a GPU when there is one.</source>
        <translation>在哪个设备上训练；“自动选择最佳”在有 GPU 时会选用 GPU。</translation>
    </message>
</context>
<context>
    <name>WeightsActions</name>
    <message>
        <source>Saved the trained weights to {0}.</source>
        <translation>训练好的权重已保存到 {0}。</translation>
    </message>
    <message>
        <source>Checking the weights in {0}…</source>
        <translation>正在检查 {0} 中的权重…</translation>
    </message>
    <message>
        <source>Those weights cannot be loaded: {0}</source>
        <translation>无法加载这些权重：{0}</translation>
    </message>
    <message>
        <source>The weights in {0} fit the network. The next run starts from them (Weights ▸ Start from fresh weights to undo).</source>
        <translation>{0} 中的权重与网络匹配。下一次训练将从这些权重开始（要撤销，请选择 权重 ▸ 从全新的权重开始）。</translation>
    </message>
</context>
<context>
    <name>_PathEditor</name>
    <message>
        <source>folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>file…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose the dataset folder</source>
        <translation>选择数据集文件夹</translation>
    </message>
    <message>
        <source>Choose the dataset file</source>
        <translation>选择数据集文件</translation>
    </message>
</context>
</TS>
